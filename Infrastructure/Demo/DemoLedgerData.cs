using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Domain.Units;

namespace Rectify.Infrastructure.Demo;

/// <summary>
/// The demo ledger of a fictitious district ("XX区"), modelled on real year-end reports of county ecology bureaus:
/// the third central inspection round, the provincial round and its look-back, a Yangtze warning film, a party
/// inspection of the bureau, the re-check of 34 supervision cases and 63 petitions, and the local
/// "30项环境整改任务" campaign. Names of people and firms are made up. The units and inspections are here; the items
/// are the sample ledger samples/ledger.csv, and what happened to each after it was put on the ledger is here, by code.
/// </summary>
internal static class DemoLedgerData
{
    public const string Root = "DEMO-QZF";
    private const string Zgb = "DEMO-ZGB";
    private const string Hbj = "DEMO-HBJ";
    private const string HbjOffice = "DEMO-HBJ-BGS";
    private const string HbjEnforcement = "DEMO-HBJ-ZFDD";
    private const string Zjj = "DEMO-ZJJ";
    private const string Cgj = "DEMO-CGJ";
    private const string Slj = "DEMO-SLJ";
    private const string Nyj = "DEMO-NYJ";
    private const string Zrj = "DEMO-ZRJ";
    private const string Jtj = "DEMO-JTJ";
    private const string Wjw = "DEMO-WJW";
    private const string Chengguan = "DEMO-CGZ";
    private const string Dongcheng = "DEMO-DCJD";
    private const string Lizhuang = "DEMO-LZX";
    private const string Zhangzhuang = "DEMO-LZX-ZZC";
    private const string Madian = "DEMO-MDZ";
    private const string Park = "DEMO-TCYQ";
    private const string PowerPlant = "DEMO-DC";

    public static readonly DemoUnit[] Units =
    [
        new(Root, "XX区人民政府", UnitKind.Office, null, "区政府办公室", "0371-6890 1000"),
        new(Zgb, "XX区生态环境保护督察整改工作领导小组办公室（区整改办）", UnitKind.Office, Root, "刘振华", "0371-6890 1012"),
        new(Hbj, "市生态环境局XX区分局", UnitKind.Department, Root, "韩磊", "0371-6890 2001"),
        new(HbjOffice, "区生态环境分局办公室", UnitKind.Department, Hbj, "郑晓燕", "0371-6890 2002"),
        new(HbjEnforcement, "区生态环境保护综合行政执法大队", UnitKind.Department, Hbj, "许明", "0371-6890 2010"),
        new(Zjj, "区住房和城乡建设局", UnitKind.Department, Root, "王志刚", "0371-6890 3001"),
        new(Cgj, "区城市管理局", UnitKind.Department, Root, "赵永平", "0371-6890 3101"),
        new(Slj, "区水利局", UnitKind.Department, Root, "孟庆海", "0371-6890 3201"),
        new(Nyj, "区农业农村局", UnitKind.Department, Root, "杜春生", "0371-6890 3301"),
        new(Zrj, "区自然资源局", UnitKind.Department, Root, "高建军", "0371-6890 3401"),
        new(Jtj, "区交通运输局", UnitKind.Department, Root, "冯立", "0371-6890 3501"),
        new(Wjw, "区卫生健康委员会", UnitKind.Department, Root, "梁静", "0371-6890 3601"),
        new(Chengguan, "城关镇人民政府", UnitKind.Township, Root, "宋国栋", "0371-6891 0001"),
        new(Dongcheng, "东城街道办事处", UnitKind.Township, Root, "何丽", "0371-6891 0101"),
        new(Lizhuang, "李庄乡人民政府", UnitKind.Township, Root, "曹金山", "0371-6891 0201"),
        new(Zhangzhuang, "李庄乡张庄村村民委员会", UnitKind.Other, Lizhuang, "张保全", "0371-6891 0233"),
        new(Madian, "马店镇人民政府", UnitKind.Township, Root, "田志远", "0371-6891 0301"),
        new(Park, "陶瓷工业园区管理委员会", UnitKind.Park, Root, "罗海涛", "0371-6892 0001"),
        new(PowerPlant, "XX电厂", UnitKind.Enterprise, Dongcheng, "电厂环保部 钱伟", "0371-6893 0001"),
    ];


    public static readonly DemoInspection[] Inspections =
    [
        new()
        {
            Kind = InspectionKind.CentralInspection, Level = InspectionLevel.Central,
            Title = "第三轮中央生态环境保护督察反馈问题", Round = 3, Batch = 2, Team = "中央第五生态环境保护督察组",
            FeedbackDaysAgo = 400, PlanDueInDays = 240, DocumentNumber = "XX区整改办〔{0}〕3号",
            Steps = ["区整改办初审", "市整改办审核销号"], Reviewers = ["区整改办 刘振华", "市整改办 陈思远"],
            SignOffDocument = "市整改办销",
            Items =
            [
                new()
                {
                    Code = "ZY-01", QuantityTarget = 24m, QuantityDone = 15.6m, QuantityUnit = "公里",
                    Stage = DemoStage.InProgress,
                },
                new()
                {
                    Code = "ZY-02", Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 1,
                },
                new()
                {
                    Code = "ZY-03", QuantityTarget = 5m, QuantityUnit = "家", Stage = DemoStage.SignedOff,
                    DoneDaysAgo = 240,
                },
                new()
                {
                    Code = "ZY-04", Stage = DemoStage.SignOffRequested, ApprovedSteps = 1, DoneDaysAgo = 45,
                },
                new()
                {
                    Code = "ZY-05", QuantityTarget = 12m, QuantityUnit = "家", Stage = DemoStage.SignOffRequested,
                    ApprovedSteps = 1, DoneDaysAgo = 35,
                },
                new()
                {
                    Code = "ZY-06", Stage = DemoStage.SignOffRequested, ApprovedSteps = 0, DoneDaysAgo = 20,
                },
                new()
                {
                    Code = "ZY-07", Stage = DemoStage.BasicallyCompleted,
                },
                new()
                {
                    Code = "ZY-08", Stage = DemoStage.Returned, ApprovedSteps = 1, DoneDaysAgo = 70,
                    Return = new("销号材料缺少整改后连续三个月的水源地水质监测报告，一级保护区内养殖棚舍拆除前后对比照片不全，请补充后重新申报。"),
                },
                new()
                {
                    Code = "ZY-09", QuantityTarget = 70m, QuantityDone = 41m, QuantityUnit = "个",
                    Stage = DemoStage.InProgress,
                    Extension = new(200, "剩余排污口整治涉及园区管网改造和个别企业搬迁，汛期河道水位高无法施工，申请将完成时限顺延至汛期结束后。",
                        ExtensionStatus.Approved, "同意延期，按新时限倒排工期，每月报送进展。"),
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.ProvincialInspection, Level = InspectionLevel.Provincial,
            Title = "第一轮省生态环境保护督察反馈问题", Round = 1, Team = "省第二生态环境保护督察组",
            FeedbackDaysAgo = 1300, PlanDueInDays = -935, DocumentNumber = "XX区整改办〔{0}〕1号",
            Steps = ["县级验收", "市整改办审核", "省整改办备案"], Reviewers = ["区整改办 刘振华", "市整改办 陈思远", "省整改办 周敏"],
            SignOffDocument = "省整改办备",
            Items =
            [
                new()
                {
                    Code = "SD-01", Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 2,
                },
                new()
                {
                    Code = "SD-02", QuantityTarget = 6m, QuantityUnit = "家", Stage = DemoStage.SignedOff,
                    DoneDaysAgo = 1050,
                },
                new()
                {
                    Code = "SD-03", QuantityTarget = 14m, QuantityUnit = "座", Stage = DemoStage.SignedOff,
                    DoneDaysAgo = 1120,
                },
                new()
                {
                    Code = "SD-04", Stage = DemoStage.Completed, DoneDaysAgo = 880,
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.ProvincialLookback, Level = InspectionLevel.Provincial,
            Title = "第一轮省生态环境保护督察“回头看”反馈问题", Round = 1, Team = "省第二生态环境保护督察组",
            FeedbackDaysAgo = 760, PlanDueInDays = 290, DocumentNumber = "XX区整改办〔{0}〕9号",
            Steps = ["县级验收", "市整改办审核", "省整改办备案"], Reviewers = ["区整改办 刘振华", "市整改办 陈思远", "省整改办 周敏"],
            SignOffDocument = "省整改办备",
            Items =
            [
                new()
                {
                    Code = "SH-01", Stage = DemoStage.NotStarted, Schedule = ScheduleStatus.Behind,
                    LastReportDaysAgo = 3,
                },
                new()
                {
                    Code = "SH-02", QuantityTarget = 12.6m, QuantityDone = 7.9m, QuantityUnit = "公里",
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind,
                    Extension = new(190, "二期4.7公里改造资金依托专项债发行，预计下半年到位，申请顺延完成时限。", ExtensionStatus.Pending),
                },
                new()
                {
                    Code = "SH-03", Stage = DemoStage.SignedOff, DoneDaysAgo = 520,
                },
                new()
                {
                    Code = "SH-04", QuantityTarget = 17m, QuantityUnit = "家", Stage = DemoStage.SignedOff,
                    DoneDaysAgo = 470,
                },
                new()
                {
                    Code = "SH-05", Stage = DemoStage.SignOffRequested, ApprovedSteps = 2, DoneDaysAgo = 110,
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.WarningFilm, Level = InspectionLevel.Central,
            Title = "{0}年长江经济带生态环境警示片披露问题",
            FeedbackDaysAgo = 700, PlanDueInDays = -400, DocumentNumber = "XX区整改办〔{0}〕12号",
            Steps = ["区级验收", "媒体公示", "区领导签字", "市级审核", "备案"],
            Reviewers = ["区整改办 刘振华", "区融媒体中心 赵静", "副区长 孙卫东", "市整改办 陈思远", "市整改办 档案室 林芳"],
            SignOffDocument = "市整改办备",
            Items =
            [
                new()
                {
                    Code = "JSP-01", Stage = DemoStage.SignedOff, DoneDaysAgo = 480,
                    Recurrence = new(25, "长江专员办下沉核查组",
                        "下沉核查时发现园区东片区雨水排口仍有生产废水混入，雨污混流问题反弹。", 35,
                        "对东片区雨水管网开展错混接溯源并逐户封堵", 5,
                        "东片区雨水排口溯源完成，查明3家企业存在混接，正在封堵改造。"),
                },
                new()
                {
                    Code = "JSP-02", Stage = DemoStage.SignedOff, DoneDaysAgo = 580,
                },
                new()
                {
                    Code = "JSP-03", Stage = DemoStage.SignOffRequested, ApprovedSteps = 2, DoneDaysAgo = 470,
                },
                new()
                {
                    Code = "JSP-04", Stage = DemoStage.Returned, ApprovedSteps = 1, DoneDaysAgo = 420,
                    Return = new("公示期间收到群众反映，仍有2处鱼塘清塘尾水直排，请核实整改后重新申报。", 1),
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.PartyInspection, Level = InspectionLevel.County,
            Title = "区委第四巡察组对市生态环境局XX区分局党组巡察反馈意见", Team = "区委第四巡察组",
            FeedbackDaysAgo = 200, PlanDueInDays = -20, DocumentNumber = "XX区巡反〔{0}〕4号",
            Steps = ["分局党组审核", "区委巡察办销号"], Reviewers = ["分局党组书记 郑国强", "区委巡察办 吴文杰"],
            SignOffDocument = "区委巡察办销",
            Items =
            [
                new()
                {
                    Code = "XC-1-1", Stage = DemoStage.Completed, DoneDaysAgo = 50,
                },
                new()
                {
                    Code = "XC-1-2", Stage = DemoStage.InProgress,
                },
                new()
                {
                    Code = "XC-1-3", Stage = DemoStage.SignedOff, DoneDaysAgo = 100,
                },
                new()
                {
                    Code = "XC-2-1", Stage = DemoStage.SignOffRequested, ApprovedSteps = 0, DoneDaysAgo = 30,
                },
                new()
                {
                    Code = "XC-2-2", Stage = DemoStage.BasicallyCompleted,
                },
                new()
                {
                    Code = "XC-2-3", Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 1,
                },
                new()
                {
                    Code = "XC-3-1", Stage = DemoStage.SignedOff, DoneDaysAgo = 130,
                },
                new()
                {
                    Code = "XC-3-2", Stage = DemoStage.InProgress, Implemented = 1,
                },
                new()
                {
                    Code = "XC-3-3", Stage = DemoStage.Returned, ApprovedSteps = 1, DoneDaysAgo = 35,
                    Return = new("整改佐证材料缺少反弹问题的复查记录和长效机制文件，请补充后再报。"),
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.SupervisionCase, Level = InspectionLevel.Provincial,
            Title = "2016年以来中央、省生态环境保护督办件（共34件）整改复查",
            FeedbackDaysAgo = 120, PlanDueInDays = 60, DocumentNumber = "XX区环委办〔{0}〕6号",
            Steps = ["区生态环境分局核查", "市整改办销号"], Reviewers = ["区生态环境分局 韩磊", "市整改办 陈思远"],
            SignOffDocument = "市整改办销",
            Items =
            [
                new()
                {
                    Code = "DB-01", Stage = DemoStage.SignedOff, DoneDaysAgo = 330,
                    Recurrence = new(40, "区生态环境分局复查组",
                        "复查时在厂区东侧发现新设排水软管，生产废水经软管排入雨水沟，问题死灰复燃。", 20,
                        "拆除新设排水软管，下达责令改正决定书并立案查处", 14,
                        "新设软管已拆除，企业再次被立案处罚，厂区雨水排口加装视频监控，重新申请销号。",
                        CompletedAgain: true),
                },
                new()
                {
                    Code = "DB-02", Stage = DemoStage.SignedOff, DoneDaysAgo = 260,
                },
                new()
                {
                    Code = "DB-03", Stage = DemoStage.SignedOff, DoneDaysAgo = 210,
                },
                new()
                {
                    Code = "DB-04", Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 2,
                },
                new()
                {
                    Code = "DB-05", Stage = DemoStage.Completed, DoneDaysAgo = 65,
                },
                new()
                {
                    Code = "DB-06", Stage = DemoStage.BasicallyCompleted, Implemented = 2,
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.Petition, Level = InspectionLevel.County,
            Title = "{0}年以来环境信访案件（共63件）第3批交办件", Batch = 3,
            FeedbackDaysAgo = 50, PlanDueInDays = 30, DocumentNumber = "XX区信联办〔{0}〕21号",
            Steps = ["区生态环境分局审核", "区整改办销号"], Reviewers = ["区生态环境分局 韩磊", "区整改办 刘振华"],
            SignOffDocument = "区整改办销",
            Items =
            [
                new()
                {
                    Code = "XF-01", Stage = DemoStage.InProgress,
                    Extension = new(60, "电厂灰场封闭改造需结合机组停机检修实施，申请延长办结时限。", ExtensionStatus.Rejected,
                        "信访件须按期办结，灰场先采取临时苫盖和喷淋措施，不同意延期。"),
                },
                new()
                {
                    Code = "XF-02", Stage = DemoStage.SignedOff, DoneDaysAgo = 35,
                },
                new()
                {
                    Code = "XF-03", Stage = DemoStage.Completed, DoneDaysAgo = 22,
                },
                new()
                {
                    Code = "XF-04", Stage = DemoStage.NotStarted,
                },
                new()
                {
                    Code = "XF-05", Stage = DemoStage.NotStarted, Schedule = ScheduleStatus.Behind,
                    LastReportDaysAgo = 4,
                },
            ],
        },
        new()
        {
            Kind = InspectionKind.Campaign, Level = InspectionLevel.County,
            Title = "环境整治大提升专项行动（30项环境整改任务）", Team = "环境整治大提升专项行动领导小组",
            FeedbackDaysAgo = 90, PlanDueInDays = 120, DocumentNumber = "XX区环委办〔{0}〕8号",
            Steps = ["专班验收", "区环委办销号"], Reviewers = ["第二专班 马骏", "区环委办 杨帆"],
            SignOffDocument = "区环委办销",
            Items =
            [
                new()
                {
                    Code = "ZX-01", QuantityTarget = 6m, QuantityDone = 4m, QuantityUnit = "家",
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Ahead,
                },
                new()
                {
                    Code = "ZX-02", QuantityTarget = 8.4m, QuantityDone = 7.6m, QuantityUnit = "公里",
                    Stage = DemoStage.BasicallyCompleted,
                },
                new()
                {
                    Code = "ZX-03", QuantityTarget = 32.6m, QuantityUnit = "公里", Stage = DemoStage.SignedOff,
                    DoneDaysAgo = 40,
                },
                new()
                {
                    Code = "ZX-04", Stage = DemoStage.SignOffRequested, ApprovedSteps = 0, DoneDaysAgo = 12,
                },
                new()
                {
                    Code = "ZX-05", QuantityTarget = 60m, QuantityDone = 41m, QuantityUnit = "辆",
                    Stage = DemoStage.InProgress, Implemented = 1,
                },
                new()
                {
                    Code = "ZX-06", QuantityTarget = 5m, QuantityDone = 2m, QuantityUnit = "块",
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 2,
                },
                new()
                {
                    Code = "ZX-07", Stage = DemoStage.NotStarted,
                },
                new()
                {
                    Code = "ZX-08", Stage = DemoStage.InProgress, Implemented = 1,
                },
            ],
        },
    ];
}
