using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Units.UnitApi;

namespace Rectify.IntegrationTests.Auditing;

/// <summary>
/// What each change of a unit, an inspection or a client leaves in the audit trail: the action and the changed
/// fields with their old and new values, exactly as stored.
/// </summary>
public sealed class AuditedChangesTests : ApiTest
{
    private sealed record StoredEvent(string EntityType, int ChainIndex, string Action, string Changes);

    private async Task<List<StoredEvent>> EventsOfAsync(Guid entityId)
    {
        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EntityType, ChainIndex, Action, Changes FROM AuditEvents WHERE EntityId = @EntityId ORDER BY ChainIndex";
        command.Parameters.AddWithValue("@EntityId", entityId.ToString("D"));
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add(new StoredEvent(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
        return events;
    }

    private static string Changes(params (string Field, object? Old, object? New)[] changes) =>
        new JsonArray(changes.Select(c => (JsonNode?)new JsonObject
        {
            ["field"] = c.Field,
            ["old"] = c.Old is null ? null : JsonValue.Create(c.Old),
            ["new"] = c.New is null ? null : JsonValue.Create(c.New),
        }).ToArray()).ToJsonString();

    private static void AssertEvents(IReadOnlyList<StoredEvent> events, string entityType, params (string Action, string Changes)[] expected)
    {
        Assert.That(events.Select(e => e.EntityType), Is.All.EqualTo(entityType));
        Assert.That(events.Select(e => e.ChainIndex), Is.EqualTo(Enumerable.Range(1, expected.Length)));
        Assert.That(events.Select(e => (e.Action, JsonNode.Parse(e.Changes)!.ToJsonString())), Is.EqualTo(expected));
    }

    [Test]
    public async Task UnitChanges_AreAuditedWithTheirActionsAndChangedFields()
    {
        var root = await Admin.CreateUnitAsync(NewCode(), "城关镇", kind: "township", contactName: "张三");
        var target = await Admin.CreateUnitAsync(NewCode(), "区农业农村局");
        var child = await Admin.CreateUnitAsync(NewCode(), "城关镇东村", kind: "other", parentId: IdOf(root), contactPhone: "0571-1234");
        var code = NewCode();

        using (var edit = await Admin.PatchJsonAsync(UriOf(root),
                   new { code, name = " 城关街道 ", kind = "other", contactName = (string?)null, contactPhone = "110" }, "\"1\""))
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edit.Content.ReadAsStringAsync());
        using (var same = await Admin.PatchJsonAsync(UriOf(root), new { name = "城关街道", contactPhone = "110" }, "\"2\""))
            Assert.That(same.ETag(), Is.EqualTo("\"2\""));
        using (var move = await Admin.PatchJsonAsync(UriOf(root), new { parentId = IdOf(target) }, "\"2\""))
            Assert.That(move.StatusCode, Is.EqualTo(HttpStatusCode.OK), await move.Content.ReadAsStringAsync());
        using (var deactivate = await Admin.DeleteAsync(UriOf(child), "\"2\""))
            Assert.That(deactivate.StatusCode, Is.EqualTo(HttpStatusCode.OK), await deactivate.Content.ReadAsStringAsync());
        using (var toRoot = await Admin.PatchJsonAsync(UriOf(root), new { parentId = (Guid?)null, name = "城关镇" }, "\"3\""))
            Assert.That(toRoot.StatusCode, Is.EqualTo(HttpStatusCode.OK), await toRoot.Content.ReadAsStringAsync());

        AssertEvents(await EventsOfAsync(IdOf(root)), "unit",
            ("created", Changes(("code", null, root["code"]!.GetValue<string>()), ("name", null, "城关镇"), ("kind", null, "township"),
                ("contactName", null, "张三"), ("active", null, true))),
            ("updated", Changes(("code", root["code"]!.GetValue<string>(), code), ("name", "城关镇", "城关街道"), ("kind", "township", "other"),
                ("contactName", "张三", null), ("contactPhone", null, "110"))),
            ("updated", Changes(("parentId", null, IdOf(target)))),
            ("updated", Changes(("name", "城关街道", "城关镇"), ("parentId", IdOf(target), null))));
        AssertEvents(await EventsOfAsync(IdOf(child)), "unit",
            ("created", Changes(("code", null, child["code"]!.GetValue<string>()), ("name", null, "城关镇东村"), ("kind", null, "other"),
                ("parentId", null, IdOf(root)), ("contactPhone", null, "0571-1234"), ("active", null, true))),
            ("moved_with_ancestor", Changes(("ancestorId", null, IdOf(root)), ("ancestorParentId", null, IdOf(target)))),
            ("updated", Changes(("active", true, false))),
            ("moved_with_ancestor", Changes(("ancestorId", null, IdOf(root)), ("ancestorParentId", IdOf(target), null))));
        AssertEvents(await EventsOfAsync(IdOf(target)), "unit",
            ("created", Changes(("code", null, target["code"]!.GetValue<string>()), ("name", null, "区农业农村局"),
                ("kind", null, "department"), ("active", null, true))));
    }

    [Test]
    public async Task InspectionChanges_AreAuditedWithTheirActionsAndChangedFields()
    {
        var created = await Admin.CreateInspectionAsync(InspectionApi.InspectionBody("省督察反馈", signOffSteps: ["县审核", "市销号"]));
        var id = InspectionApi.InspectionId(created);

        using (var edit = await Admin.PatchJsonAsync(InspectionApi.InspectionUri(created),
                   new { title = " 省督察反馈（修订） ", round = (int?)null, year = 2027, signOffSteps = new[] { " 县审核 ", "市审核", "市销号" } }, "\"1\""))
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edit.Content.ReadAsStringAsync());
        using (var same = await Admin.PatchJsonAsync(InspectionApi.InspectionUri(created),
                   new { title = "省督察反馈（修订）", signOffSteps = new[] { "县审核", "市审核", "市销号" } }, "\"2\""))
            Assert.That(same.ETag(), Is.EqualTo("\"2\""));
        using (var kind = await Admin.PatchJsonAsync(InspectionApi.InspectionUri(created),
                   new { kind = "warning_film", level = "provincial", feedbackDate = (string?)null, teamName = "第二组" }, "\"2\""))
            Assert.That(kind.StatusCode, Is.EqualTo(HttpStatusCode.OK), await kind.Content.ReadAsStringAsync());

        AssertEvents(await EventsOfAsync(id), "inspection",
            ("created", Changes(("kind", null, "central_inspection"), ("level", null, "central"), ("title", null, "省督察反馈"),
                ("round", null, 3), ("batch", null, 2), ("teamName", null, "中央第三生态环境保护督察组"), ("year", null, 2026),
                ("feedbackDate", null, "2026-01-10"), ("planDueDate", null, "2026-12-31"), ("documentNumber", null, "环督察〔2026〕12号"),
                ("signOffSteps", null, "县审核 → 市销号"))),
            ("updated", Changes(("title", "省督察反馈", "省督察反馈（修订）"), ("round", 3, null), ("year", 2026, 2027),
                ("signOffSteps", "县审核 → 市销号", "县审核 → 市审核 → 市销号"))),
            ("updated", Changes(("kind", "central_inspection", "warning_film"), ("level", "central", "provincial"),
                ("teamName", "中央第三生态环境保护督察组", "第二组"), ("feedbackDate", "2026-01-10", null))));
    }

    [Test]
    public async Task ClientChanges_AreAuditedWithTheirActionsAndChangedFields()
    {
        var unit = await Admin.CreateUnitAsync(NewCode());
        var bound = await IssueAsync(new { name = " 城关镇填报 ", scopes = new[] { "read", "report", "read" }, unitId = IdOf(unit) });
        var unbound = await IssueAsync(new { name = "市局对接", scopes = new[] { "read" } });

        using (var revoke = await Admin.DeleteAsync($"/api/v1/clients/{bound}", "\"1\""))
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoke.Content.ReadAsStringAsync());
        using (var again = await Admin.DeleteAsync($"/api/v1/clients/{bound}", "*"))
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.ETag(), Is.EqualTo("\"2\""));
        }

        AssertEvents(await EventsOfAsync(bound), "client",
            ("created", Changes(("name", null, "城关镇填报"), ("scopes", null, null), ("unitId", null, IdOf(unit))).Replace(
                "{\"field\":\"scopes\",\"old\":null,\"new\":null}", "{\"field\":\"scopes\",\"old\":null,\"new\":[\"read\",\"report\"]}")),
            ("deactivated", Changes(("active", true, false))));
        AssertEvents(await EventsOfAsync(unbound), "client",
            ("created", Changes(("name", null, "市局对接"), ("scopes", null, null), ("unitId", null, null)).Replace(
                "{\"field\":\"scopes\",\"old\":null,\"new\":null}", "{\"field\":\"scopes\",\"old\":null,\"new\":[\"read\"]}")));
    }

    private async Task<Guid> IssueAsync(object body)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/clients", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.BodyAsync())["id"]!.GetValue<Guid>();
    }
}
