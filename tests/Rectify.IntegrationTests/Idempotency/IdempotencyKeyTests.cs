using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Idempotency.IdempotencyApi;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Idempotency;

/// <summary>
/// Idempotency-Key on the POSTs that create or act: a retry gets the first answer back without running again; the
/// same key with another request is a 422; failures are not remembered; keys belong to the API key that sent them.
/// </summary>
public sealed class IdempotencyKeyTests : ItemTest
{
    private static string ProgressUri(Guid itemId) => $"{ItemUri(itemId)}/progress";

    private async Task<IReadOnlyList<Guid>> ItemsWithCodeAsync(string code) =>
        InspectionApi.IdsIn(await Admin.GetListAsync($"{ItemsPath}?inspectionId={InspectionId}&q={code}&limit=200"));

    [Test]
    public async Task CreateItem_WhenOneKeyIsPostedAHundredTimesAtOnce_CreatesOneItemAndEveryAnswerIsTheSame201()
    {
        var body = Body();
        var code = body["code"].Text();
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Admin.PostWithKeyAsync(ItemsPath, body, key)));
        using var retry = await Admin.PostWithKeyAsync(ItemsPath, body, key);

        Assert.That(await ItemsWithCodeAsync(code), Has.Count.EqualTo(1), "one item, however many times it was sent");
        var created = responses.Where(r => r.StatusCode != HttpStatusCode.Conflict).ToList();
        foreach (var conflict in responses.Except(created))
            await conflict.AssertKeyInUseAsync();
        Assert.That(created, Is.Not.Empty);
        Assert.That(created.Count(r => !r.IsReplay()), Is.EqualTo(1), "the command ran once");
        var answers = await Task.WhenAll(created.Append(retry).Select(async r =>
            (r.StatusCode, Id: IdOf(await r.BodyAsync()), Location: r.Headers.Location?.ToString(), ETag: r.ETag())));
        var first = answers[0];
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Location, Is.EqualTo(ItemUri(first.Id)));
        Assert.That(first.ETag, Is.EqualTo("\"1\""));
        Assert.That(answers, Is.All.EqualTo(first));
        Assert.That(retry.IsReplay(), Is.True);
        foreach (var response in responses)
            response.Dispose();
    }

    [Test]
    public async Task CreateItem_WhenRetriedWithItsKey_ReplaysStatusLocationETagAndBodyMarkedReplayed()
    {
        var body = Body();
        var key = NewKey();

        using var first = await Admin.PostWithKeyAsync(ItemsPath, body, key);
        using var retry = await Admin.PostWithKeyAsync(ItemsPath, body, key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(first.IsReplay(), Is.False);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
        Assert.That(retry.IsReplay(), Is.True);
        Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(retry.ETag(), Is.EqualTo(first.ETag()));
        Assert.That(retry.Content.Headers.ContentType?.ToString(), Is.EqualTo(first.Content.Headers.ContentType?.ToString()));
        Assert.That(JsonNode.DeepEquals(await retry.BodyAsync(), await first.BodyAsync()), Is.True);
        Assert.That(await ItemsWithCodeAsync(body["code"].Text()), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateItem_WhenTheKeyIsReusedWithAnotherBodyOrPath_Answers422AndDoesNothing()
    {
        var key = NewKey();
        using var first = await Admin.PostWithKeyAsync(ItemsPath, Body(), key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var other = Body();

        using var otherBody = await Admin.PostWithKeyAsync(ItemsPath, other, key);
        using var otherPath = await Admin.PostWithKeyAsync(UnitsPath,
            new JsonObject { ["code"] = NewCode(), ["name"] = "区水利局", ["kind"] = "department" }, key);

        await otherBody.AssertKeyReusedAsync();
        await otherPath.AssertKeyReusedAsync();
        Assert.That(await ItemsWithCodeAsync(other["code"].Text()), Is.Empty);
    }

    [Test]
    public async Task ReportProgress_WhenRetriedWithItsKey_IsStoredOnce()
    {
        var itemId = await NewItemIdAsync();
        var report = new JsonObject
        {
            ["reportedOn"] = "2026-03-15", ["summary"] = "已完成管网排查", ["progressStatus"] = "in_progress",
            ["scheduleStatus"] = "on_schedule",
        };
        var key = NewKey();

        using var first = await Admin.PostWithKeyAsync(ProgressUri(itemId), report, key);
        using var retry = await Admin.PostWithKeyAsync(ProgressUri(itemId), report, key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
        Assert.That(retry.IsReplay(), Is.True);
        Assert.That(retry.ETag(), Is.EqualTo("\"2\""));
        var reports = (await Admin.GetListAsync($"{ProgressUri(itemId)}?limit=200"))["items"]!.AsArray();
        Assert.That(reports, Has.Count.EqualTo(1));
        Assert.That((await Admin.ActionsAsync(itemId)).Count(a => a == "progress_reported"), Is.EqualTo(1));
        var (_, etag) = await Admin.GetItemAsync(itemId);
        Assert.That(etag, Is.EqualTo("\"2\""));
    }

    [Test]
    public async Task ApproveSignOff_WhenRetriedWithItsKey_ReplaysTheApprovalInsteadOfAConflict()
    {
        var itemId = await NewItemIdAsync();
        await Admin.CompleteAsync(itemId);
        await Admin.RequestSignOffAsync(itemId);
        var approval = new JsonObject { ["step"] = Steps[0], ["reviewerName"] = "王科长", ["comment"] = "同意" };
        var key = NewKey();

        using var first = await Reviewer.PostWithKeyAsync($"{ItemUri(itemId)}/sign-off/approve", approval, key);
        using var retry = await Reviewer.PostWithKeyAsync($"{ItemUri(itemId)}/sign-off/approve", approval, key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK), await retry.Content.ReadAsStringAsync());
        Assert.That(retry.IsReplay(), Is.True);
        Assert.That((await retry.BodyAsync())["pendingStep"].Text(), Is.EqualTo(Steps[1]));
        Assert.That(await Admin.PendingStepAsync(itemId), Is.EqualTo(Steps[1]), "one step approved");
    }

    [Test]
    public async Task CreateItem_WhenTheKeyedRequestFailed_RunsTheCorrectedRetryWithTheSameKey()
    {
        var key = NewKey();
        var invalid = Body();
        invalid.Remove("title");
        var corrected = Body();

        using var failed = await Admin.PostWithKeyAsync(ItemsPath, invalid, key);
        using var created = await Admin.PostWithKeyAsync(ItemsPath, corrected, key);
        using var retry = await Admin.PostWithKeyAsync(ItemsPath, corrected, key);

        await failed.ValidationProblemAsync("title");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(created.IsReplay(), Is.False);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retry.Content.ReadAsStringAsync());
        Assert.That(retry.IsReplay(), Is.True, "the corrected request is the one remembered");
        Assert.That(IdOf(await retry.BodyAsync()), Is.EqualTo(IdOf(await created.BodyAsync())));
    }

    [Test]
    public async Task CreateItem_WhenTwoClientsUseTheSameKey_KeepsTheirRequestsApart()
    {
        using var other = await App.WithScopesAsync(["read", "write"]);
        var key = NewKey();
        var mine = Body();
        var theirs = Body();

        using var myFirst = await Admin.PostWithKeyAsync(ItemsPath, mine, key);
        using var theirFirst = await other.PostWithKeyAsync(ItemsPath, theirs, key);
        using var myRetry = await Admin.PostWithKeyAsync(ItemsPath, mine, key);
        using var theirRetry = await other.PostWithKeyAsync(ItemsPath, theirs, key);

        Assert.That(new[] { myFirst, theirFirst, myRetry, theirRetry }.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        Assert.That(new[] { myFirst.IsReplay(), theirFirst.IsReplay(), myRetry.IsReplay(), theirRetry.IsReplay() },
            Is.EqualTo(new[] { false, false, true, true }));
        var myId = IdOf(await myFirst.BodyAsync());
        var theirId = IdOf(await theirFirst.BodyAsync());
        Assert.That(theirId, Is.Not.EqualTo(myId));
        Assert.That(IdOf(await myRetry.BodyAsync()), Is.EqualTo(myId));
        Assert.That(IdOf(await theirRetry.BodyAsync()), Is.EqualTo(theirId));
    }

    [TestCase("\"\"", TestName = "Post_WhenTheKeyIsAnEmptyQuotedString_Answers400KeyedIdempotencyKey")]
    [TestCase("a b", TestName = "Post_WhenTheKeyHasASpace_Answers400KeyedIdempotencyKey")]
    [TestCase("幂等键", TestName = "Post_WhenTheKeyIsNotAscii_Answers400KeyedIdempotencyKey")]
    [TestCase(null, TestName = "Post_WhenTheKeyIsLongerThan255_Answers400KeyedIdempotencyKey")]
    public async Task Post_WhenTheKeyIsMalformed_Answers400KeyedIdempotencyKey(string? key)
    {
        var body = Body();

        using var response = await Admin.PostWithKeyAsync(ItemsPath, body, key ?? new string('k', 256));

        await response.ValidationProblemAsync(Header);
        Assert.That(await ItemsWithCodeAsync(body["code"].Text()), Is.Empty);
    }

    [Test]
    public async Task CreateItem_WhenRetriedWithTheKeyQuotedThenBare_TreatsBothAsOneKeyOf255Characters()
    {
        var key = new string('k', 225) + "!#$%&'()*+,-./:;<=>?@[]^_`{|}~";
        var body = Body();

        using var quoted = await Admin.PostWithKeyAsync(ItemsPath, body, $"\"{key}\"");
        using var bare = await Admin.PostWithKeyAsync(ItemsPath, body, key);

        Assert.That(key, Has.Length.EqualTo(255));
        Assert.That(quoted.StatusCode, Is.EqualTo(HttpStatusCode.Created), await quoted.Content.ReadAsStringAsync());
        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.Created), await bare.Content.ReadAsStringAsync());
        Assert.That(bare.IsReplay(), Is.True, "the draft sends the key as a quoted string; the quotes are not part of it");
    }

    /// <summary>
    /// The first request is held where a slow one would be, waiting for the database's write lock (a test connection
    /// holds it); a duplicate sent meanwhile is told to come back, and one with another body is refused.
    /// </summary>
    [Test]
    public async Task CreateItem_WhenTheFirstRequestIsStillRunning_Answers409ToTheDuplicateAnd422ToAnotherBody()
    {
        var body = Body();
        var key = NewKey();
        await using var blocker = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        HttpResponseMessage first, duplicate;
        var sent = new[] { Admin.PostWithKeyAsync(ItemsPath, body, key), Admin.PostWithKeyAsync(ItemsPath, body, key) };
        var answered = await Task.WhenAny(sent);
        using var otherBody = await Admin.PostWithKeyAsync(ItemsPath, Body(), key);
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        duplicate = await answered;
        first = await sent.Single(t => t != answered);

        await duplicate.AssertKeyInUseAsync();
        await otherBody.AssertKeyReusedAsync();
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        using var retry = await Admin.PostWithKeyAsync(ItemsPath, body, key);
        Assert.That(retry.IsReplay(), Is.True);
        Assert.That(await ItemsWithCodeAsync(body["code"].Text()), Has.Count.EqualTo(1));
        first.Dispose();
        duplicate.Dispose();
    }

    [Test]
    public async Task CreateClient_WhenRetriedWithItsKey_ReplaysWithoutTheApiKeyWhichIsNeverStoredInClear()
    {
        var key = NewKey();
        var body = new JsonObject { ["name"] = "省平台对接", ["scopes"] = new JsonArray("read") };

        using var first = await Admin.PostWithKeyAsync("/api/v1/clients", body, key);
        using var retry = await Admin.PostWithKeyAsync("/api/v1/clients", body, key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var issued = (await first.BodyAsync())["key"].Text();
        Assert.That(issued, Does.StartWith("rk_"));
        Assert.That(retry.IsReplay(), Is.True);
        var replayed = await retry.BodyAsync();
        Assert.That((replayed["id"].Text(), replayed["key"]), Is.EqualTo(((await first.BodyAsync())["id"].Text(), (JsonNode?)null)));
        await using var database = new SqliteConnection($"Data Source={App.DatabasePath};Mode=ReadOnly;Pooling=False");
        await database.OpenAsync();
        await using var command = database.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM IdempotencyRecords WHERE ResponseBody LIKE '%' || $key || '%'";
        command.Parameters.AddWithValue("$key", issued);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(0L), "the issued key is stored nowhere in clear");
    }
}
