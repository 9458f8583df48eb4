using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>PUT and GET /api/v1/items/by-ref/{system}/{externalId}: another system pushes items keyed by its own ids.</summary>
public sealed class UpsertByRefTests : ItemTest
{
    private static string RefUri(string externalId, string system = "city-platform") => $"{ItemsPath}/by-ref/{system}/{externalId}";

    private static string NewRef() => "SJ-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string uri, JsonObject body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    [Test]
    public async Task Upsert_WhenNoItemCarriesTheReference_Creates201WithLocationAndRecordsTheReference()
    {
        var externalId = NewRef();

        using var response = await PutAsync(Admin, RefUri(externalId), Body());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var item = await response.BodyAsync();
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo(ItemUri(IdOf(item))));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(item["externalRefs"]!.AsArray().Select(r => (r!["system"].Text(), r["id"].Text())),
            Does.Contain(("city-platform", externalId)));
        var (stored, _) = await Admin.GetItemAsync(IdOf(item));
        Assert.That(stored["code"].Text(), Is.EqualTo(item["code"].Text()));
    }

    [Test]
    public async Task Upsert_WhenTheItemExists_Replaces200AndClearsFieldsLeftOut()
    {
        var externalId = NewRef();
        var body = Body();
        using (var created = await PutAsync(Admin, RefUri(externalId), body))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        body["title"] = "雨污混流整改（市平台更新）";
        body.Remove("description");

        using var response = await PutAsync(Admin, RefUri(externalId), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var item = await response.BodyAsync();
        Assert.That((item["title"].Text(), item["description"], item["version"]!.GetValue<int>()),
            Is.EqualTo(("雨污混流整改（市平台更新）", (JsonNode?)null, 2)));
        Assert.That(await Admin.ActionsAsync(IdOf(item)), Is.EqualTo(new[] { "created", "updated" }));
    }

    [Test]
    public async Task Upsert_Identical_Answers200WithTheSameVersionAndWritesNoHistory()
    {
        var externalId = NewRef();
        var body = Body();
        using (var created = await PutAsync(Admin, RefUri(externalId), body))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var response = await PutAsync(Admin, RefUri(externalId), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var item = await response.BodyAsync();
        Assert.That(item["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        Assert.That(await Admin.ActionsAsync(IdOf(item)), Is.EqualTo(new[] { "created" }));
    }

    [Test]
    public async Task Upsert_IdenticalAfterTheLeadUnitWasDeactivated_StillAnswers200WithTheSameVersion()
    {
        var externalId = NewRef();
        var lead = await Admin.CreateUnitAsync("即将撤并的牵头单位");
        var body = Body(leadUnitId: lead);
        using (var created = await PutAsync(Admin, RefUri(externalId), body))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await Admin.DeactivateUnitAsync(lead);

        using var response = await PutAsync(Admin, RefUri(externalId), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task Upsert_WithTheReferenceInAnotherCase_UpdatesTheSameItemAndKeepsItsSpelling()
    {
        var externalId = NewRef();
        var body = Body();
        using var created = await PutAsync(Admin, RefUri(externalId), body);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var response = await PutAsync(Admin, RefUri(externalId.ToLowerInvariant(), "CITY-PLATFORM"), body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var item = await response.BodyAsync();
        Assert.That(IdOf(item), Is.EqualTo(IdOf(await created.BodyAsync())));
        Assert.That(item["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(item["externalRefs"]!.AsArray().Select(r => r!["id"].Text()), Is.EqualTo(new[] { externalId }));
    }

    [Test]
    public async Task Upsert_WithAStaleIfMatch_Returns412AndChangesNothing()
    {
        var externalId = NewRef();
        var body = Body();
        using (var created = await PutAsync(Admin, RefUri(externalId), body))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        body["title"] = "第二次推送";
        using (var second = await PutAsync(Admin, RefUri(externalId), body, "\"1\""))
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        body["title"] = "基于旧版本的推送";

        using var response = await PutAsync(Admin, RefUri(externalId), body, "\"1\"");

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var stored = await Admin.GetListAsync(RefUri(externalId));
        Assert.That(stored["title"].Text(), Is.EqualTo("第二次推送"));
    }

    [Test]
    public async Task Upsert_MovingTheItemToAnotherInspection_Returns400KeyedInspectionId()
    {
        var externalId = NewRef();
        var body = Body();
        using (var created = await PutAsync(Admin, RefUri(externalId), body))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var other = InspectionApi.InspectionId(await Admin.CreateInspectionAsync("另一轮督察"));
        body["inspectionId"] = other;

        using var response = await PutAsync(Admin, RefUri(externalId), body);

        await response.ValidationProblemAsync("inspectionId");
    }

    [Test]
    public async Task Upsert_WithAnInvalidBody_Returns400KeyedByTheItemsOwnFieldAndCreatesNothing()
    {
        var externalId = NewRef();
        var body = Body();
        body["title"] = "";

        using var response = await PutAsync(Admin, RefUri(externalId), body);

        await response.ValidationProblemAsync("title");
        using var read = await Admin.GetAsync(RefUri(externalId));
        await read.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task GetByRef_ReadsTheItemAsGetShowsIt()
    {
        var externalId = NewRef();
        using var created = await PutAsync(Admin, RefUri(externalId, "province"), Body());
        var item = await created.BodyAsync();

        var read = await Admin.GetListAsync(RefUri(externalId, "province"));

        var (byId, _) = await Admin.GetItemAsync(IdOf(item));
        Assert.That(read.ToJsonString(), Is.EqualTo(byId.ToJsonString()));
    }

    [Test]
    public async Task Upsert_ByAUnitKeyOutsideTheItemsUnits_Returns404AndChangesNothing()
    {
        var externalId = NewRef();
        var body = Body();
        using (var created = await PutAsync(Admin, RefUri(externalId), body))
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var stranger = await Admin.CreateUnitAsync("无关乡镇");
        using var township = await App.WithScopesAsync(["read", "write"], stranger);
        body["title"] = "越权修改";

        using var response = await PutAsync(township, RefUri(externalId), body);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        var stored = await Admin.GetListAsync(RefUri(externalId));
        Assert.That(stored["title"].Text(), Is.Not.EqualTo("越权修改"));
        Assert.That(problem.ToJsonString(), Does.Not.Contain(IdOf(stored).ToString()), "the hidden item's id is not revealed");
        using var read = await township.GetAsync(RefUri(externalId));
        var readProblem = await read.ProblemAsync(HttpStatusCode.NotFound);
        Assert.That(readProblem.ToJsonString(), Does.Not.Contain(IdOf(stored).ToString()));
    }
}
