using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// Base of item fixtures: one service per fixture, an inspection with a three-step sign-off chain and an active
/// lead unit shared by its tests, and the clock put back after every test.
/// </summary>
public abstract class ItemTest : ApiTest
{
    /// <summary>2026-03-15 10:00 in Shanghai: the clock the service starts with.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);

    protected static readonly string[] Steps = ["区级验收", "媒体公示", "区领导签字"];

    protected Guid InspectionId { get; private set; }
    protected Guid LeadUnitId { get; private set; }

    [OneTimeSetUp]
    public async Task ArrangeInspectionAndUnit()
    {
        InspectionId = InspectionApi.InspectionId(await Admin.CreateInspectionAsync("中央第三生态环境保护督察组反馈问题",
            signOffSteps: Steps));
        LeadUnitId = await Admin.CreateUnitAsync("区住房和城乡建设局");
    }

    [TearDown]
    public void ResetClock() => App.Clock.Now = Start;

    protected JsonObject Body(string? code = null, Guid? inspectionId = null, Guid? leadUnitId = null) =>
        ItemApi.ItemBody(inspectionId ?? InspectionId, leadUnitId ?? LeadUnitId, code ?? NewCode("Q"));

    /// <summary>Creates an item in the shared inspection, changed first by <paramref name="change"/>.</summary>
    protected Task<JsonObject> NewItemAsync(Action<JsonObject>? change = null, HttpClient? client = null)
    {
        var body = Body();
        change?.Invoke(body);
        return (client ?? Admin).CreateItemAsync(body);
    }

    protected async Task<Guid> NewItemIdAsync(Action<JsonObject>? change = null) => ItemApi.IdOf(await NewItemAsync(change));
}
