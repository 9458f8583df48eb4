using System.Net;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using Rectify.IntegrationTests.Items;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.OpenApi;

/// <summary>
/// The PATCH bodies Swagger UI pre-fills from the document, sent as they are, change what they show and nothing else
/// (before, the pre-filled "string" overwrote every field a person did not delete).
/// </summary>
public sealed class DocumentedExamplesTests : ItemTest
{
    private async Task<JsonObject> ExampleAsync(string path, string operationId)
    {
        var document = JsonNode.Parse(await App.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;
        var operation = document["paths"]![path]!["patch"]!;
        Assert.That(operation["operationId"].Text(), Is.EqualTo(operationId));
        return operation["requestBody"]!["content"]!["application/json"]!["example"]!.AsObject();
    }

    [Test]
    public async Task UpdateItemExample_SentAsItIs_ChangesOnlyItsFields()
    {
        App.Clock.Now = new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
        var example = await ExampleAsync("/api/v1/items/{id}", "updateItem");
        var itemId = await NewItemIdAsync();
        var (before, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Admin.PatchJsonAsync(ItemUri(itemId), example, etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (after, _) = await Admin.GetItemAsync(itemId);
        foreach (var (field, value) in example)
            Assert.That(after[field]!.ToJsonString(), Is.EqualTo(value!.ToJsonString()), field);
        foreach (var field in new[] { "code", "description", "category", "isKey", "leadUnitId", "units", "deadlineKinds", "quantity" })
            Assert.That(after[field]?.ToJsonString(), Is.EqualTo(before[field]?.ToJsonString()), field);
    }

    [Test]
    public async Task UpdateMeasureExample_SentAsItIs_ImplementsTheMeasureAndKeepsItsDescription()
    {
        App.Clock.Now = new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);
        var example = await ExampleAsync("/api/v1/items/{id}/measures/{measureId}", "updateMeasure");
        var itemId = await NewItemIdAsync();
        var measureId = await Admin.AddMeasureAsync(itemId, "完成沿河截污管网建设");
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Admin.PatchJsonAsync($"{ItemUri(itemId)}/measures/{measureId}", example, etag);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var measure = (await Admin.MeasuresAsync(itemId)).Single()!;
        Assert.That(measure["description"].Text(), Is.EqualTo("完成沿河截污管网建设"));
        Assert.That(measure["implemented"]!.GetValue<bool>(), Is.True);
        Assert.That(measure["implementedOn"].Text(), Is.EqualTo(example["implementedOn"].Text()));
    }
}
