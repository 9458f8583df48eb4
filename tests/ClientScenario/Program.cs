// What an integrator does with a C# client that NSwag generated from the service's OpenAPI document (RectifyClient.g.cs,
// generated beside this file by GeneratedClientTests): list the overdue items, read one, change only its title, report
// progress, and read a refused change's reasons as typed values. Any mismatch ends the run with exit code 1 and one
// line "FAILED: …"; every step that holds prints "ok: …".
using System.Text.Json;
using System.Text.Json.Nodes;
using Rectify.Client;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ClientScenario <base URL> <API key>");
    return 2;
}

using var http = new HttpClient();
http.DefaultRequestHeaders.Add("X-Api-Key", args[1]);
var client = new RectifyClient(http) { BaseUrl = args[0] };

try
{
    var overdue = (await client.ListItemsAsync(overdue: true)).Result.Items;
    Check(overdue.Count > 0, "the overdue list is empty");
    Check(overdue.All(i => i.IsOverdue), "the overdue list holds an item that is not overdue");
    Ok($"listed {overdue.Count} overdue item(s)");

    var id = overdue.First().Id;
    var read = await client.GetItemAsync(id);
    var before = read.Result;
    Check(before.Id == id && before.IsOverdue && before.OverdueDays > 0, $"item {id} does not read back as overdue");
    Ok($"read item {before.Code} ({before.OverdueDays} days overdue), ETag {ETag(read)}");

    var title = before.Title + "（已复核）";
    var patched = await client.UpdateItemAsync(id, ETag(read), new ItemPatch { Title = title });
    Check(patched.Result.Title == title, $"the PATCH answered title '{patched.Result.Title}'");
    var after = (await client.GetItemAsync(id)).Result;
    Check(after.Title == title, $"the item reads back with title '{after.Title}'");
    Check(after.Version > before.Version, "the version did not move on");
    var changed = ChangedFields(before, after).Except(["title", "version", "updatedAt"]).ToList();
    Check(changed.Count == 0, $"a PATCH of the title alone also changed {string.Join(", ", changed)}");
    Ok("changed the title alone");

    // The service's clock may not be this machine's (tests fix it): the day the item was created is a valid report date.
    var reportedOn = DateOnly.FromDateTime(before.CreatedAt.UtcDateTime);
    var reported = await client.ReportProgressAsync(id, new ReportProgressCommand
    {
        ReportedOn = reportedOn,
        Summary = "已完成排查，正在推进管网改造",
        ProgressStatus = ProgressStatus.In_progress,
        ScheduleStatus = ScheduleStatus.Behind,
    });
    Check(reported.Result.Item.ProgressStatus == ProgressStatus.In_progress && reported.Result.Item.ScheduleStatus == ScheduleStatus.Behind,
        $"after the report the item is {reported.Result.Item.ProgressStatus}, {reported.Result.Item.ScheduleStatus}");
    Ok("reported progress: in_progress, behind schedule");

    try
    {
        await client.ReportProgressAsync(id, new ReportProgressCommand
        {
            ReportedOn = reportedOn,
            Summary = "尚未启动",
            ProgressStatus = ProgressStatus.Not_started,
        });
        Fail("reporting progress backwards was accepted");
    }
    catch (ApiException<RuleProblem> refused) when (refused.StatusCode == 409)
    {
        Check(refused.Result.Rule == "progress_backwards", $"the 409 names rule '{refused.Result.Rule}'");
        Ok($"a 409 names its rule: {refused.Result.Rule}");
    }

    var current = await client.GetItemAsync(id);
    try
    {
        await client.UpdateItemAsync(id, ETag(current), new ItemPatch { Title = "" });
        Fail("an empty title was accepted");
    }
    catch (ApiException<ValidationProblem> invalid) when (invalid.StatusCode == 400)
    {
        var errors = invalid.Result.Errors ?? throw new ScenarioFailed("the 400 has no errors");
        Check(errors.TryGetValue("title", out var messages) && messages.Count > 0,
            $"the 400 names no error for title: {string.Join(", ", errors.Keys)}");
        Ok($"a 400 names its field: title: {messages!.First()}");
    }

    Console.WriteLine("scenario passed");
    return 0;
}
catch (ScenarioFailed failed)
{
    Console.Error.WriteLine($"FAILED: {failed.Message}");
    return 1;
}
catch (ApiException unexpected)
{
    Console.Error.WriteLine($"FAILED: unexpected answer {unexpected.StatusCode}: " +
        $"{unexpected.Message.ReplaceLineEndings(" ")} {unexpected.InnerException?.Message}".TrimEnd());
    return 1;
}

static void Ok(string step) => Console.WriteLine($"ok: {step}");

static void Check(bool holds, string otherwise)
{
    if (!holds)
        Fail(otherwise);
}

static void Fail(string message) => throw new ScenarioFailed(message);

static string ETag(ApiResponse response) =>
    response.Headers.TryGetValue("ETag", out var values) ? values.Single() : throw new ScenarioFailed("the item answer has no ETag");

// Compares the item as its generated type reads it, so a field the client dropped or defaulted shows up too.
static IEnumerable<string> ChangedFields(ItemResponse before, ItemResponse after)
{
    var old = JsonSerializer.SerializeToNode(before)!.AsObject();
    var now = JsonSerializer.SerializeToNode(after)!.AsObject();
    return old.Select(p => p.Key).Union(now.Select(p => p.Key))
        .Where(name => !JsonNode.DeepEquals(old[name], now[name]));
}

sealed class ScenarioFailed(string message) : Exception(message);

namespace Rectify.Client
{
    public partial class RectifyClient
    {
        static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
        {
            // A PATCH sends only the fields it sets: a field left null is left out (the service reads a sent null as "clear").
            settings.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            // NSwag puts a string-enum converter on enum properties but not on lists of enums (deadlineKinds); this one
            // reads and writes the names the generated enums carry (JsonStringEnumMemberName: snake_case).
            settings.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        }
    }
}
