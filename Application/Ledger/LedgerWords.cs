using Rectify.Domain.Items;

namespace Rectify.Application.Ledger;

/// <summary>
/// The Chinese words a ledger writes for the item's coded values; export writes them and import reads them back
/// (besides the API's own snake_case words).
/// </summary>
public static class LedgerWords
{
    public const string Yes = "是";
    public const string No = "否";

    /// <summary>Between several units or deadline kinds in one cell.</summary>
    public const string ListSeparator = "、";

    public static readonly IReadOnlyDictionary<ItemCategory, string> Categories = new Dictionary<ItemCategory, string>
    {
        [ItemCategory.Air] = "大气",
        [ItemCategory.Water] = "水",
        [ItemCategory.Soil] = "土壤",
        [ItemCategory.SolidWaste] = "固废",
        [ItemCategory.Ecology] = "生态",
        [ItemCategory.Noise] = "噪声",
        [ItemCategory.Radiation] = "辐射",
        [ItemCategory.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<ProgressStatus, string> ProgressStatuses = new Dictionary<ProgressStatus, string>
    {
        [ProgressStatus.NotStarted] = "尚未启动",
        [ProgressStatus.InProgress] = "正在推进",
        [ProgressStatus.BasicallyCompleted] = "基本完成",
        [ProgressStatus.Completed] = "已完成整改",
    };

    public static readonly IReadOnlyDictionary<DeadlineKind, string> DeadlineKinds = new Dictionary<DeadlineKind, string>
    {
        [DeadlineKind.Immediate] = "立行立改",
        [DeadlineKind.ByDate] = "限期整改",
        [DeadlineKind.Ongoing] = "长期坚持",
    };
}
