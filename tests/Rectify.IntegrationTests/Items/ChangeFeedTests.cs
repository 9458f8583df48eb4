using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// GET /items/changes: items in the order their latest change committed, each as GET shows it; following nextToken
/// never skips a committed change, also while writers go on.
/// </summary>
public sealed class ChangeFeedTests : ItemTest
{
    private const string ChangesPath = "/api/v1/items/changes";

    private static string ChangesUri(string? after, int limit) =>
        $"{ChangesPath}?limit={limit}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");

    private sealed record Pass(List<JsonObject> Items, string Token);

    /// <summary>Follows nextToken from <paramref name="after"/> until a page comes back shorter than the limit.</summary>
    private static async Task<Pass> FollowAsync(HttpClient client, string? after, int limit = 2)
    {
        var items = new List<JsonObject>();
        for (var page = 0; page < 1000; page++)
        {
            var body = await client.GetListAsync(ChangesUri(after, limit));
            var served = body["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            after = body["nextToken"].Text();
            items.AddRange(served);
            if (served.Count < limit)
                return new Pass(items, after);
        }
        throw new AssertionException("The feed never reached its end.");
    }

    private static List<Guid> Only(IEnumerable<JsonObject> served, params Guid[] ids) =>
        served.Select(i => IdOf(i)).Where(ids.Contains).ToList();

    private Task<HttpResponseMessage> PatchDescriptionAsync(Guid itemId, string description) =>
        Admin.PatchJsonAsync(ItemUri(itemId), new { description }, "*");

    [Test]
    public async Task ListChanges_FromTheStart_ListsItemsInChangeOrderAndALaterChangeMovesTheItemToTheEnd()
    {
        var first = await NewItemIdAsync();
        var second = await NewItemIdAsync();
        var third = await NewItemIdAsync();

        var before = await FollowAsync(Admin, null);
        Assert.That(Only(before.Items, first, second, third), Is.EqualTo(new[] { first, second, third }));

        using (var patched = await PatchDescriptionAsync(first, "截污管网已开工"))
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
        var after = await FollowAsync(Admin, null);

        Assert.That(Only(after.Items, first, second, third), Is.EqualTo(new[] { second, third, first }));
        var served = after.Items.Single(i => IdOf(i) == first);
        var (current, _) = await Admin.GetItemAsync(first);
        Assert.That(JsonNode.DeepEquals(served, current), Is.True, $"feed: {served.ToJsonString()}\nGET: {current.ToJsonString()}");
        Assert.That(served["description"].Text(), Is.EqualTo("截污管网已开工"));
    }

    [Test]
    public async Task ListChanges_WhenFollowedToTheEndAndThenAnItemChanges_ServesJustThatItemAndKeepsTheTokenWhenNothingIsNew()
    {
        var quiet = await NewItemIdAsync();
        var changed = await NewItemIdAsync();
        var end = await FollowAsync(Admin, null);
        Assert.That(Only(end.Items, quiet, changed), Is.EqualTo(new[] { quiet, changed }));

        var idle = await Admin.GetListAsync(ChangesUri(end.Token, 50));
        Assert.That(idle["items"]!.AsArray(), Is.Empty);
        Assert.That(idle["nextToken"].Text(), Is.EqualTo(end.Token));

        var report = await Admin.ReportProgressAsync(changed, "in_progress");
        var next = await Admin.GetListAsync(ChangesUri(end.Token, 50));

        var items = next["items"]!.AsArray();
        Assert.That(items.Select(i => IdOf(i)), Is.EqualTo(new[] { changed }));
        Assert.That(items[0]!["version"]!.GetValue<int>(), Is.EqualTo(report["item"]!["version"]!.GetValue<int>()));
        Assert.That(items[0]!["progressStatus"].Text(), Is.EqualTo("in_progress"));
        var token = next["nextToken"].Text();
        Assert.That(token, Is.Not.EqualTo(end.Token));
        var after = await Admin.GetListAsync(ChangesUri(token, 50));
        Assert.That(after["items"]!.AsArray(), Is.Empty);
        Assert.That(after["nextToken"].Text(), Is.EqualTo(token));
    }

    [Test]
    public async Task ListChanges_WithAUnitBoundKey_ServesOnlyItemsOfItsUnitAndBelow()
    {
        var town = await Admin.CreateUnitAsync("城关镇", kind: "township");
        var village = await Admin.CreateUnitAsync("城关镇东村", town, "other");
        var own = await NewItemIdAsync(body => body["leadUnitId"] = town);
        var below = await NewItemIdAsync(body => body["leadUnitId"] = village);
        var elsewhere = await NewItemIdAsync();
        var townKey = await App.WithScopesAsync(["read"], town);

        var start = await FollowAsync(townKey, null);
        Assert.That(start.Items.Select(i => IdOf(i)), Is.EquivalentTo(new[] { own, below }));

        using (var patched = await PatchDescriptionAsync(elsewhere, "别处的变更"))
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var patched = await PatchDescriptionAsync(own, "本镇的变更"))
            Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var next = await FollowAsync(townKey, start.Token);

        Assert.That(next.Items.Select(i => IdOf(i)), Is.EqualTo(new[] { own }));
        Assert.That(Only((await FollowAsync(Admin, start.Token)).Items, own, elsewhere), Is.EqualTo(new[] { elsewhere, own }));
    }

    /// <summary>Tokens this service did not issue: not base64url JSON, no position, a negative one, a list cursor.</summary>
    private static IEnumerable<TestCaseData> ForeignTokens()
    {
        static string Encode(string json) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        yield return new TestCaseData("not a token").SetArgDisplayNames("garbage");
        yield return new TestCaseData(Encode("{}")).SetArgDisplayNames("no position");
        yield return new TestCaseData(Encode("""{"Position":-1}""")).SetArgDisplayNames("negative position");
        yield return new TestCaseData(Encode("""{"Sort":"created","Seq":3}""")).SetArgDisplayNames("a list cursor");
    }

    [TestCaseSource(nameof(ForeignTokens))]
    public async Task ListChanges_WithATokenItDidNotIssue_Answers400OnAfter(string token)
    {
        using var response = await Admin.GetAsync(ChangesUri(token, 50));

        await response.ValidationProblemAsync("after");
    }

    [TestCase(0)]
    [TestCase(201)]
    public async Task ListChanges_WithALimitOutOfRange_Answers400OnLimit(int limit)
    {
        using var response = await Admin.GetAsync(ChangesUri(null, limit));

        await response.ValidationProblemAsync("limit");
    }

    /// <summary>What one writer saw committed: the item and the version its change produced, in the writer's order.</summary>
    private sealed record Committed(Guid ItemId, int Version);

    [Test]
    public async Task ListChanges_WhileEightWritersChangeItems_ServesEveryCommittedChangeOnceAndInCommitOrder()
    {
        const int writers = 8, changesEach = 25, itemCount = 12, pageSize = 5;
        var items = new List<Guid>();
        for (var i = 0; i < itemCount; i++)
            items.Add(await NewItemIdAsync());
        var token = (await FollowAsync(Admin, null, 200)).Token;

        var committed = new List<Committed>[writers];
        var failures = new ConcurrentBag<string>();
        var writing = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            committed[w] = [];
            for (var c = 0; c < changesEach; c++)
            {
                var itemId = items[(w * 5 + c) % itemCount];
                using var response = (w + c) % 2 == 0
                    ? await PatchDescriptionAsync(itemId, $"第{w}组第{c}次修改")
                    : await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
                        new { reportedOn = "2026-03-15", summary = $"第{w}组第{c}次报送", progressStatus = "in_progress" });
                if (!response.IsSuccessStatusCode)
                {
                    // A conflict answered 409 wrote nothing; anything else is a failure of the test.
                    if (response.StatusCode != HttpStatusCode.Conflict)
                        failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                var body = await response.BodyAsync();
                var item = body["item"] as JsonObject ?? body;
                committed[w].Add(new Committed(itemId, item["version"]!.GetValue<int>()));
            }
        })).ToList();
        var allWritten = Task.WhenAll(writing);

        var passes = new List<List<Committed>>();
        while (!allWritten.IsCompleted)
        {
            var pass = await FollowAsync(Admin, token, pageSize);
            passes.Add(pass.Items.Select(i => new Committed(IdOf(i), i["version"]!.GetValue<int>())).ToList());
            token = pass.Token;
            await Task.Delay(2);
        }
        await allWritten;
        var final = await FollowAsync(Admin, token, pageSize);
        passes.Add(final.Items.Select(i => new Committed(IdOf(i), i["version"]!.GetValue<int>())).ToList());

        Assert.That(failures, Is.Empty);
        var served = passes.SelectMany(p => p).Where(s => items.Contains(s.ItemId)).ToList();
        Assert.That(passes.Count, Is.GreaterThan(1), "the reader followed the feed while the writers wrote");
        Assert.That(committed.Sum(c => c.Count), Is.GreaterThan(writers * changesEach / 2), "most changes committed");

        // None twice: no pass serves a change twice, and no later pass serves a change (or an older one) again; an
        // item comes again only with a later version, because it changed again.
        foreach (var pass in passes)
            Assert.That(pass, Is.Unique, "a pass served the same change twice");
        foreach (var item in served.GroupBy(s => s.ItemId))
            Assert.That(item.Select(s => s.Version), Is.Ordered.Ascending.And.Unique,
                $"item {item.Key} was served at versions {string.Join(", ", item.Select(s => s.Version))}");

        // Every committed change seen: each change a writer was told committed was served at that version or a later one.
        var latest = served.GroupBy(s => s.ItemId).ToDictionary(g => g.Key, g => g.Max(s => s.Version));
        var missed = committed.SelectMany(c => c).Where(c => !latest.TryGetValue(c.ItemId, out var seen) || seen < c.Version).ToList();
        Assert.That(missed, Is.Empty, "committed changes the feed never served");
        foreach (var itemId in items)
            Assert.That(latest[itemId], Is.EqualTo((await Admin.GetItemAsync(itemId)).Body["version"]!.GetValue<int>()));

        // Commit order: one writer's changes commit one after the other, so those the feed served come in that order.
        var position = served.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        foreach (var writer in committed)
        {
            var order = writer.Where(position.ContainsKey).Select(c => position[c]).ToList();
            Assert.That(order, Is.Ordered.Ascending, "the feed served a writer's later change before its earlier one");
        }
    }
}
