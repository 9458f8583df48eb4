using Rectify.Domain.Inspections;
using Rectify.Domain.Items;
using Rectify.Domain.Units;
using static Rectify.Infrastructure.Demo.DemoRole;

namespace Rectify.Infrastructure.Demo;

/// <summary>
/// The demo ledger of a fictitious district ("XX区"), modelled on real year-end reports of county ecology bureaus:
/// the third central inspection round, the provincial round and its look-back, a Yangtze warning film, a party
/// inspection of the bureau, the re-check of 34 supervision cases and 63 petitions, and the local
/// "30项环境整改任务" campaign. Names of people and firms are made up.
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

    private const string AspectPolicy = "一、贯彻落实党的路线方针政策和上级重大决策部署方面";
    private const string AspectDiscipline = "二、落实全面从严治党主体责任和监督责任方面";
    private const string AspectOrganisation = "三、落实新时代党的组织路线和巡察整改方面";

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
                    Code = "ZY-01", Title = "城区污水管网收集效能偏低，污水处理厂进水浓度长期低于设计值",
                    Description = "督察组现场抽查发现，城区老旧管网破损、渗漏、错接较多，雨季大量外水进入管网，城区污水处理厂进水COD浓度长期偏低，设施低效运行。",
                    Requirement = "全面排查城区污水管网，实施破损修复和错混接改造，提高污水收集效能。",
                    Target = "新建、改造污水管网24公里，城区污水处理厂进水COD浓度较整改前提高30%以上。",
                    Category = ItemCategory.Water, IsKey = true, Area = "城关镇、东城街道", Industry = "市政基础设施",
                    Lead = Zjj, Others = [Cooperating(Cgj), Supervising(Hbj)],
                    DueInDays = 150, QuantityTarget = 24m, QuantityDone = 15.6m, QuantityUnit = "公里",
                    Stage = DemoStage.InProgress,
                    Measures =
                    [
                        "委托专业机构对城区污水管网开展CCTV检测，建立管网缺陷清单",
                        "实施城区主干管网破损修复和错混接改造",
                        "新建东城片区污水支管，打通断头管",
                        "建立管网巡查养护和进水浓度月度通报机制",
                    ],
                    Latest = "管网检测全部完成，累计修复改造管网15.6公里，东城片区污水支管正在施工。",
                },
                new()
                {
                    Code = "ZY-02", Title = "部分乡镇污水处理设施建成后长期闲置，农村生活污水治理率偏低",
                    Description = "马店镇、李庄乡已建成的污水处理站因配套管网不全、运维经费不落实，长期未正常运行，部分生活污水直排沟渠。",
                    Requirement = "补齐配套管网，落实运维主体和经费，确保已建设施正常运行。",
                    Target = "已建乡镇污水处理设施全部正常运行，出水稳定达标。",
                    Category = ItemCategory.Water, IsKey = true, Area = "马店镇、李庄乡", Industry = "农村生活污水",
                    Lead = Hbj, Others = [Responsible(Madian), Responsible(Lizhuang), Cooperating(Zjj)],
                    DueInDays = -20, Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 1,
                    Obstacles = "运维经费尚未纳入财政预算，第三方运维服务招标未完成；部分配套管网需结合村庄规划调整线位。",
                    Measures =
                    [
                        "对已建乡镇污水处理设施逐一排查运行状况，建立问题台账",
                        new("补齐马店镇污水处理站配套收集管网", Madian),
                        new("补齐李庄乡污水处理站配套收集管网", Lizhuang),
                        "通过政府购买服务引入第三方统一运维",
                    ],
                    Latest = "设施排查已完成，马店镇配套管网完成约四成，第三方运维招标文件仍在审核，进度滞后于序时。",
                },
                new()
                {
                    Code = "ZY-03", Title = "违规沙场等“小散乱污”作坊取缔不彻底，扬尘污染突出",
                    Description = "城乡结合部仍有违规沙场、石料加工作坊露天作业，无抑尘措施，群众反映强烈。",
                    Requirement = "依法取缔违规沙场等“小散乱污”作坊，防止异地转移和死灰复燃。",
                    Target = "取缔违规作坊5家，场地清理复绿。",
                    Category = ItemCategory.Air, Area = "城关镇、东城街道", Industry = "砂石加工",
                    Lead = Zrj, Others = [Cooperating(HbjEnforcement), Responsible(Chengguan), Responsible(Dongcheng)],
                    DueInDays = -200, QuantityTarget = 5m, QuantityUnit = "家",
                    Stage = DemoStage.SignedOff, DoneDaysAgo = 240,
                    Measures =
                    [
                        "开展“小散乱污”作坊拉网式排查，建立清单",
                        "依法取缔违规沙场等作坊5家，拆除生产设施",
                        "对取缔点位实施覆盖绿化并纳入网格化巡查",
                    ],
                    Latest = "5家违规沙场及作坊全部取缔，场地已清理覆绿，纳入网格日常巡查。",
                },
                new()
                {
                    Code = "ZY-04", Title = "国控空气质量监测站点周边道路扬尘管控不力",
                    Description = "站点周边道路保洁频次不足，渣土车未密闭运输，站点PM10浓度长期偏高。",
                    Requirement = "落实站点周边核心管理区域扬尘精细化管控。",
                    Target = "站点周边道路机械化清扫率100%，渣土车辆密闭运输率100%。",
                    Category = ItemCategory.Air, Area = "城关镇", Industry = "道路扬尘",
                    Lead = Cgj, Others = [Cooperating(Jtj), Supervising(Hbj)],
                    DueInDays = -60, Stage = DemoStage.SignOffRequested, ApprovedSteps = 1, DoneDaysAgo = 45,
                    Measures =
                    [
                        "对站点周边核心管理区域道路实行机械化湿扫和定时洒水",
                        "在站点周边主干道建设雾森喷淋系统",
                        "渣土运输车辆全部实行密闭运输和定位监管",
                        "建立站点周边污染源每日巡查台账",
                    ],
                    Latest = "各项措施全部落实，站点周边道路积尘明显减少，销号材料已提交市整改办审核。",
                },
                new()
                {
                    Code = "ZY-05", Title = "规模养殖场粪污资源化利用配套设施不完善",
                    Description = "部分规模养殖场干湿分离、储粪场等设施缺失，雨天粪污随地表径流进入沟渠。",
                    Requirement = "规模养殖场粪污处理设施配建到位，推进粪污资源化利用。",
                    Target = "12家规模养殖场配套设施改造完成率100%。",
                    Category = ItemCategory.Water, Area = "李庄乡、马店镇", Industry = "畜禽养殖",
                    Lead = Nyj, Others = [Responsible(Lizhuang), Responsible(Madian)],
                    DueInDays = -30, QuantityTarget = 12m, QuantityUnit = "家",
                    Stage = DemoStage.SignOffRequested, ApprovedSteps = 1, DoneDaysAgo = 35,
                    Measures =
                    [
                        "对规模养殖场粪污处理设施配建情况开展全覆盖核查",
                        "督促12家规模养殖场完成干湿分离和储粪场改造",
                        "建立粪污资源化利用台账，推动就近就地还田",
                    ],
                    Latest = "12家规模养殖场配套设施全部改造完成，并通过区农业农村局验收。",
                },
                new()
                {
                    Code = "ZY-06", Title = "农药包装废弃物回收处置体系不健全",
                    Description = "农村地区农药瓶、农药袋随意丢弃在田间地头和沟渠，回收处置渠道缺失。",
                    Requirement = "建立覆盖各乡镇的农药包装废弃物回收处置体系。",
                    Target = "乡镇回收点覆盖率100%，回收物全部无害化处置。",
                    Category = ItemCategory.SolidWaste, Area = "全区", Industry = "种植业",
                    Lead = Nyj, Others = [Cooperating(Chengguan), Cooperating(Lizhuang), Cooperating(Madian)],
                    DueInDays = -30, Stage = DemoStage.SignOffRequested, ApprovedSteps = 0, DoneDaysAgo = 20,
                    Measures =
                    [
                        "在各乡镇设立农药包装废弃物回收点",
                        "委托有资质单位对回收的包装废弃物集中无害化处置",
                        "将回收工作纳入农资经营单位日常检查内容",
                    ],
                    Latest = "回收点已覆盖全部乡镇，回收物由有资质单位定期转运处置，已提交销号申请。",
                },
                new()
                {
                    Code = "ZY-07", Title = "建筑垃圾和一般工业固废随意倾倒问题仍有发生",
                    Description = "城乡结合部道路两侧、废弃坑塘存在建筑垃圾和工业固废倾倒点位，部分长期未清理。",
                    Requirement = "清理存量倾倒点位，建立源头管控和执法打击长效机制。",
                    Target = "存量倾倒点位清零，不再新增。",
                    Category = ItemCategory.SolidWaste, Area = "东城街道", Industry = "建筑施工",
                    Lead = Cgj, Others = [Cooperating(Zjj), Responsible(Dongcheng), Cooperating(HbjEnforcement)],
                    DueInDays = 30, Stage = DemoStage.BasicallyCompleted,
                    Measures =
                    [
                        "清理城乡结合部建筑垃圾倾倒点位",
                        "建立渣土消纳备案和运输联单制度",
                        "开展非法倾倒专项执法行动",
                        "在重点路段和坑塘周边安装视频监控",
                    ],
                    Latest = "已清理倾倒点位23处，联单制度和专项执法均已落实，视频监控正在安装调试。",
                },
                new()
                {
                    Code = "ZY-08", Title = "饮用水水源保护区内违规建筑和养殖设施未清理到位",
                    Description = "城关镇水源地一级保护区内仍有违规建筑2处、养殖棚舍3处，存在水质安全隐患。",
                    Requirement = "依法清理保护区内违规建筑和养殖设施，完善防护设施。",
                    Target = "一级保护区内与供水设施无关的建设项目全部清零。",
                    Category = ItemCategory.Water, IsKey = true, Area = "城关镇", Industry = "饮用水水源",
                    Lead = Slj, Others = [Responsible(Chengguan), Cooperating(Hbj)],
                    DueInDays = -90, Stage = DemoStage.Returned, ApprovedSteps = 1, DoneDaysAgo = 70,
                    Return = new("销号材料缺少整改后连续三个月的水源地水质监测报告，一级保护区内养殖棚舍拆除前后对比照片不全，请补充后重新申报。"),
                    Measures =
                    [
                        "对水源保护区内建筑和养殖设施逐一核查登记",
                        new("依法拆除一级保护区内违规建筑和养殖棚舍", Chengguan),
                        "完善保护区界标和隔离防护设施",
                    ],
                    Latest = "违规建筑和养殖棚舍已全部拆除，隔离防护网建成。",
                },
                new()
                {
                    Code = "ZY-09", Title = "入河排污口排查整治推进缓慢",
                    Description = "辖区入河排污口底数不清，部分企业和园区排口未登记、未监测。",
                    Requirement = "完成入河排污口排查溯源，按“一口一策”分类整治。",
                    Target = "排查发现的70个排污口全部完成整治。",
                    Category = ItemCategory.Water, Area = "全区", Industry = "入河排污口",
                    Lead = Hbj, Others = [Cooperating(Slj), Responsible(Park)],
                    DueInDays = 20, QuantityTarget = 70m, QuantityDone = 41m, QuantityUnit = "个",
                    Stage = DemoStage.InProgress,
                    Extension = new(200, "剩余排污口整治涉及园区管网改造和个别企业搬迁，汛期河道水位高无法施工，申请将完成时限顺延至汛期结束后。",
                        ExtensionStatus.Approved, "同意延期，按新时限倒排工期，每月报送进展。"),
                    Measures =
                    [
                        "完成XX河、XX渠全岸线入河排污口现场排查",
                        "按“一口一策”制定整治方案",
                        "分类实施排污口截污、规范化整治和取缔",
                        "建立排污口监测和日常监管台账",
                    ],
                    Latest = "排查全部完成，已整治排污口41个，其余29个纳入园区管网改造同步实施。",
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
                    Code = "SD-01", Title = "建筑垃圾及一般工业固废处置场所未建成",
                    Description = "全区无规范的建筑垃圾和一般工业固废处置场所，固废去向难以监管。",
                    Requirement = "规划建设建筑垃圾及一般工业固废处置场，建成前规范临时消纳。",
                    Target = "处置场建成投运，固废规范处置。",
                    Category = ItemCategory.SolidWaste, IsKey = true, Area = "全区", Industry = "固废处置",
                    Lead = Cgj, Others = [Cooperating(Zrj), Supervising(Hbj)],
                    Kinds = [DeadlineKind.Immediate, DeadlineKind.Ongoing], DueInDays = null,
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 2,
                    Obstacles = "项目用地手续尚在报批中，取得用地批复后方可开工建设。",
                    Measures =
                    [
                        "开展处置场选址论证和环境影响评价",
                        "处置场建成前设置临时规范消纳点并加强监管",
                        new("办理项目用地预审和农用地转用报批手续", Zrj),
                        "建成建筑垃圾及一般工业固废处置场并投入运行",
                    ],
                    Latest = "选址论证和环评已完成，临时消纳点规范运行；项目用地手续仍在报批。",
                },
                new()
                {
                    Code = "SD-02", Title = "医疗机构医疗废水处理设施运行不规范",
                    Description = "部分二级以上医疗机构污水处理设施消毒工艺不稳定，无在线监测。",
                    Requirement = "规范医疗废水收集处理，确保达标排放。",
                    Target = "6家二级以上医疗机构医疗废水稳定达标。",
                    Category = ItemCategory.Water, Area = "城关镇", Industry = "医疗卫生",
                    Lead = Wjw, Others = [Supervising(Hbj)],
                    DueInDays = -1000, QuantityTarget = 6m, QuantityUnit = "家",
                    Stage = DemoStage.SignedOff, DoneDaysAgo = 1050,
                    Measures =
                    [
                        "对辖区6家二级以上医疗机构污水处理设施逐一检查",
                        "督促医疗机构规范消毒工艺并安装在线监测",
                        "建立医疗废水监管台账，每季度开展监督性监测",
                    ],
                    Latest = "6家医疗机构完成设施改造和在线监测联网，连续监测达标。",
                },
                new()
                {
                    Code = "SD-03", Title = "加油站油气回收装置运行不正常",
                    Description = "抽查发现部分加油站油气回收装置气液比不合格，密闭性检测超标。",
                    Requirement = "加油站油气回收装置全部正常运行。",
                    Target = "14座加油站油气回收检测全部合格。",
                    Category = ItemCategory.Air, Area = "全区", Industry = "成品油零售",
                    Lead = Hbj, Others = [Cooperating(HbjEnforcement)],
                    DueInDays = -1100, QuantityTarget = 14m, QuantityUnit = "座",
                    Stage = DemoStage.SignedOff, DoneDaysAgo = 1120,
                    Measures =
                    [
                        "对辖区14座加油站油气回收装置开展专项检测",
                        "督促检测不合格的加油站限期维修更换",
                        "将油气回收检测纳入年度监督检查计划",
                    ],
                    Latest = "14座加油站复检全部合格，纳入年度监督检查。",
                },
                new()
                {
                    Code = "SD-04", Title = "城区餐饮油烟扰民问题突出",
                    Description = "沿街餐饮单位油烟净化设施缺失或不正常使用，油烟低空排放。",
                    Requirement = "沿街餐饮单位油烟净化设施应装尽装、正常运行。",
                    Target = "城区沿街餐饮单位油烟净化设施安装率100%。",
                    Category = ItemCategory.Air, Area = "城关镇、东城街道", Industry = "餐饮服务",
                    Lead = Cgj, Others = [Responsible(Chengguan), Responsible(Dongcheng)],
                    Kinds = [DeadlineKind.ByDate, DeadlineKind.Ongoing], DueInDays = -900,
                    Stage = DemoStage.Completed, DoneDaysAgo = 880,
                    Measures =
                    [
                        "督促沿街餐饮单位安装高效油烟净化设施",
                        "建立油烟净化设施定期清洗台账",
                        "将餐饮油烟纳入城管网格化日常巡查",
                    ],
                    Latest = "沿街餐饮单位净化设施全部安装，清洗台账和网格巡查长期坚持。",
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
                    Code = "SH-01", Title = "马店镇等3个乡镇污水处理设施未建成",
                    Description = "“回头看”发现，马店镇、李庄乡、城关镇南片区乡镇污水处理设施仍未开工，生活污水未收集处理。",
                    Requirement = "落实建设资金，建成乡镇污水处理设施及配套管网。",
                    Target = "3个乡镇污水处理设施建成并通水运行。",
                    Category = ItemCategory.Water, IsKey = true, Area = "马店镇、李庄乡、城关镇", Industry = "农村生活污水",
                    Lead = Hbj, Others = [Responsible(Madian), Responsible(Lizhuang), Responsible(Chengguan), Cooperating(Zjj)],
                    DueInDays = 290, Stage = DemoStage.NotStarted, Schedule = ScheduleStatus.Behind, LastReportDaysAgo = 3,
                    Obstacles = "原安排的上级建设资金已统一打包纳入乡村振兴基础设施PPP项目实施，项目预计明年1月开工建设。",
                    Measures =
                    [
                        "完成3个乡镇污水处理设施选址和初步设计",
                        "依托乡村振兴基础设施PPP项目落实建设资金",
                        "建成3个乡镇污水处理设施及配套管网并通水运行",
                    ],
                    Latest = "PPP项目已完成入库，正在开展社会资本方采购，设施尚未开工。",
                },
                new()
                {
                    Code = "SH-02", Title = "城区雨污混流管网未实施分流改造",
                    Description = "老城区12.6公里合流制管网未实施雨污分流，雨季溢流污水进入河道。",
                    Requirement = "实施城区雨污分流改造，杜绝新增混接。",
                    Target = "完成12.6公里雨污分流改造。",
                    Category = ItemCategory.Water, IsKey = true, Area = "城关镇", Industry = "市政基础设施",
                    Lead = Cgj, Others = [Cooperating(Zjj)],
                    DueInDays = 6, QuantityTarget = 12.6m, QuantityDone = 7.9m, QuantityUnit = "公里",
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind,
                    Obstacles = "剩余4.7公里已包装进城市基础设施PPP项目和专项债项目，资金尚未到位。",
                    Extension = new(190, "二期4.7公里改造资金依托专项债发行，预计下半年到位，申请顺延完成时限。", ExtensionStatus.Pending),
                    Measures =
                    [
                        "完成城区雨污混流管段排查，建立改造清单",
                        "实施一期7.9公里雨污分流改造",
                        "实施二期剩余4.7公里雨污分流改造",
                        "建立排水许可和接户管理制度，防止新增混接",
                    ],
                    Latest = "一期7.9公里已完工，尚有4.7公里未施工，资金正在争取中。",
                },
                new()
                {
                    Code = "SH-03", Title = "工业园区污水处理厂出水执行标准偏低",
                    Description = "园区工业污水处理厂出水仅执行一级B标准，不能满足受纳水体水质目标要求。",
                    Requirement = "完成园区污水处理厂一级A提标改造。",
                    Target = "出水稳定达到一级A标准。",
                    Category = ItemCategory.Water, Area = "陶瓷工业园", Industry = "工业污水处理",
                    Lead = Park, Others = [Supervising(Hbj)],
                    DueInDays = -500, Stage = DemoStage.SignedOff, DoneDaysAgo = 520,
                    Measures =
                    [
                        "编制园区污水处理厂提标改造方案",
                        "实施一级A提标改造工程",
                        "提标后安装出水在线监测并与生态环境部门联网",
                    ],
                    Latest = "提标改造完成，出水在线监测数据连续稳定达到一级A标准。",
                },
                new()
                {
                    Code = "SH-04", Title = "陶瓷园区部分企业生产废水未纳管处理",
                    Description = "园区东南片区17家陶瓷企业生产废水经简易沉淀后外排，未接入园区污水处理厂。",
                    Requirement = "园区企业生产废水全部纳管集中处理。",
                    Target = "17家企业废水纳管率100%。",
                    Category = ItemCategory.Water, Area = "陶瓷工业园", Industry = "陶瓷制造",
                    Lead = Park, Others = [Cooperating(HbjEnforcement)],
                    DueInDays = -450, QuantityTarget = 17m, QuantityUnit = "家",
                    Stage = DemoStage.SignedOff, DoneDaysAgo = 470,
                    Measures =
                    [
                        "排查园区企业排水去向，建立未纳管企业清单",
                        "建成东南片区工业污水处理厂",
                        "督促17家企业完成生产废水纳管",
                    ],
                    Latest = "东南片区工业污水处理厂投入使用，17家企业废水全部纳管。",
                },
                new()
                {
                    Code = "SH-05", Title = "县城集中式饮用水水源地规范化建设不到位",
                    Description = "水源保护区界标缺失，一级保护区未设置隔离防护，已停用水厂保护区未依法撤销。",
                    Requirement = "完成水源地规范化建设和保护区调整。",
                    Target = "水源地规范化建设达标，保护区划定与实际供水相符。",
                    Category = ItemCategory.Water, Area = "城关镇", Industry = "饮用水水源",
                    Lead = Slj, Others = [Cooperating(Hbj)],
                    DueInDays = -100, Stage = DemoStage.SignOffRequested, ApprovedSteps = 2, DoneDaysAgo = 110,
                    Measures =
                    [
                        "完成水源保护区勘界定标和界标设置",
                        "建设一级保护区隔离防护网",
                        "撤销二水厂集中式饮用水水源保护区并报上级批复",
                        "完善水源地突发环境事件应急预案",
                    ],
                    Latest = "规范化建设全部完成，二水厂水源保护区撤销已获批复，销号材料已报省整改办备案。",
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
                    Code = "JSP-01", Title = "陶瓷工业园雨污混流，生产废水经雨水管网排入河道",
                    Description = "警示片披露，陶瓷工业园雨水排口晴天有浑浊废水流出，园区雨污管网混接严重。",
                    Requirement = "彻底实施园区雨污分流，杜绝生产废水经雨水系统外排。",
                    Target = "园区雨水排口晴天无水，雨污混接点全部整改。",
                    Category = ItemCategory.Water, IsKey = true, Area = "陶瓷工业园", Industry = "陶瓷制造",
                    Lead = Park, Others = [Cooperating(Cgj), Supervising(Hbj)],
                    DueInDays = -400, Stage = DemoStage.SignedOff, DoneDaysAgo = 480,
                    Measures =
                    [
                        "对园区雨污管网开展全面排查，绘制管网图",
                        "实施园区雨污分流改造",
                        "在雨水排口安装在线监控和视频监控",
                        "建立园区企业排水日常巡查制度",
                    ],
                    Latest = "园区雨污分流改造完成，雨水排口晴天无水，整改销号台账已报市整改办。",
                    Recurrence = new(25, "长江专员办下沉核查组",
                        "下沉核查时发现园区东片区雨水排口仍有生产废水混入，雨污混流问题反弹。", 35,
                        "对东片区雨水管网开展错混接溯源并逐户封堵", 5,
                        "东片区雨水排口溯源完成，查明3家企业存在混接，正在封堵改造。"),
                },
                new()
                {
                    Code = "JSP-02", Title = "河道管理范围内违规砂石堆场侵占行洪通道",
                    Description = "马店镇段河道管理范围内存在砂石堆场4处，侵占行洪通道，岸线裸露。",
                    Requirement = "清理违规堆场，恢复岸线生态。",
                    Target = "违规堆场全部清理，岸线复绿。",
                    Category = ItemCategory.Ecology, Area = "马店镇", Industry = "砂石经营",
                    Lead = Slj, Others = [Cooperating(Zrj), Responsible(Madian)],
                    DueInDays = -550, Stage = DemoStage.SignedOff, DoneDaysAgo = 580,
                    Measures =
                    [
                        "清理河道管理范围内砂石堆场",
                        "对清理后的岸线实施生态修复和复绿",
                        "建立河湖长巡河发现问题闭环处置机制",
                    ],
                    Latest = "4处砂石堆场全部清除，岸线复绿完成。",
                },
                new()
                {
                    Code = "JSP-03", Title = "园区企业危险废物贮存不规范",
                    Description = "园区个别企业危险废物露天堆存，贮存场所无防渗、无标识，台账记录不全。",
                    Requirement = "规范危险废物贮存和转移管理。",
                    Target = "园区涉危废企业贮存场所全部规范化。",
                    Category = ItemCategory.SolidWaste, Area = "陶瓷工业园", Industry = "危险废物",
                    Lead = Hbj, Others = [Responsible(Park), Cooperating(HbjEnforcement)],
                    DueInDays = -450, Stage = DemoStage.SignOffRequested, ApprovedSteps = 2, DoneDaysAgo = 470,
                    Measures =
                    [
                        "对园区涉危废企业贮存场所开展全面排查",
                        "督促企业按标准建设危险废物贮存库房",
                        "危险废物转移全部纳入电子联单管理",
                    ],
                    Latest = "涉危废企业贮存库房全部完成标准化建设，转移实行电子联单。",
                },
                new()
                {
                    Code = "JSP-04", Title = "沿河鱼塘养殖尾水未经处理直排",
                    Description = "李庄乡沿河鱼塘清塘时尾水直接排入河道，影响下游断面水质。",
                    Requirement = "建设养殖尾水处理设施，实现尾水达标排放或循环利用。",
                    Target = "沿河鱼塘尾水处理设施全覆盖。",
                    Category = ItemCategory.Water, Area = "李庄乡", Industry = "水产养殖",
                    Lead = Nyj, Others = [Responsible(Lizhuang), Supervising(Hbj)],
                    DueInDays = -400, Stage = DemoStage.Returned, ApprovedSteps = 1, DoneDaysAgo = 420,
                    Return = new("公示期间收到群众反映，仍有2处鱼塘清塘尾水直排，请核实整改后重新申报。", 1),
                    Measures =
                    [
                        "对沿河鱼塘逐一排查，建立尾水排放点位清单",
                        new("建设养殖尾水生态处理池", Lizhuang),
                        "对群众反映的直排点位补建处理设施并回访",
                    ],
                    Latest = "尾水生态处理池全部建成，群众反映的2处点位已整改并回访。",
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
                    Code = "XC-1-1", Title = "学习贯彻习近平生态文明思想不够深入，理论学习与业务工作结合不紧",
                    Aspect = AspectPolicy, Category = ItemCategory.Other, Lead = HbjOffice,
                    DueInDays = -60, Stage = DemoStage.Completed, DoneDaysAgo = 50,
                    Measures =
                    [
                        "制定党组理论学习中心组年度学习计划，每季度开展专题研讨",
                        "将生态文明思想纳入干部业务培训必修内容",
                        "开展“以学促干”交流活动，形成学习成果转化清单",
                        "建立学习情况季度通报制度",
                    ],
                    Latest = "4条措施全部落实，已开展专题研讨3次、业务培训2期。",
                },
                new()
                {
                    Code = "XC-1-2", Title = "推动督察反馈问题整改力度不够，部分问题整改进度滞后",
                    Aspect = AspectPolicy, Category = ItemCategory.Other, IsKey = true, Lead = Hbj,
                    DueInDays = 45, Stage = DemoStage.InProgress,
                    Measures =
                    [
                        "建立督察反馈问题整改周调度机制",
                        "对进度滞后问题实行局领导包案督办",
                        "每月向区整改办报送整改进展并通报排名",
                        "对整改不力的股室和个人严肃问责",
                    ],
                    Latest = "周调度和领导包案已常态化运行，月度通报正在推进。",
                },
                new()
                {
                    Code = "XC-1-3", Title = "服务企业和项目建设主动性不强，环评审批效率有待提高",
                    Aspect = AspectPolicy, Category = ItemCategory.Other, Lead = Hbj,
                    DueInDays = -90, Stage = DemoStage.SignedOff, DoneDaysAgo = 100,
                    Measures =
                    [
                        "对重点项目环评审批实行提前介入和并联审批",
                        "每月开展“企业服务日”活动，建立企业诉求办理台账",
                        "公开环评审批办事指南和承诺时限",
                    ],
                    Latest = "企业服务日每月开展，诉求台账动态清零，审批时限全部公开。",
                },
                new()
                {
                    Code = "XC-2-1", Title = "落实“两个责任”不到位，廉政风险点排查不全面",
                    Aspect = AspectDiscipline, Category = ItemCategory.Other, IsKey = true, Lead = Hbj,
                    DueInDays = -40, Stage = DemoStage.SignOffRequested, ApprovedSteps = 0, DoneDaysAgo = 30,
                    Measures =
                    [
                        "修订党组落实全面从严治党主体责任清单",
                        "全面排查执法、审批、资金等岗位廉政风险点并制定防控措施",
                        "班子成员与分管股室负责人开展廉政谈话",
                        "逐级签订党风廉政建设责任书",
                    ],
                    Latest = "责任清单已修订，排查廉政风险点28个并逐一制定防控措施。",
                },
                new()
                {
                    Code = "XC-2-2", Title = "执法自由裁量权行使不规范，个别案件处罚标准不统一",
                    Aspect = AspectDiscipline, Category = ItemCategory.Other, Lead = HbjEnforcement,
                    DueInDays = 15, Stage = DemoStage.BasicallyCompleted,
                    Measures =
                    [
                        "对近三年行政处罚案卷开展集中评查",
                        "细化生态环境行政处罚自由裁量基准",
                        "推行重大执法决定法制审核和集体讨论",
                        "开展执法人员轮训和案卷评比",
                    ],
                    Latest = "案卷评查、裁量基准和法制审核已落实，执法人员轮训正在组织。",
                },
                new()
                {
                    Code = "XC-2-3", Title = "生态环境专项资金项目管理不规范，部分设施建成后缺乏运维资金",
                    Aspect = AspectDiscipline, Category = ItemCategory.Other, Lead = Hbj, Others = [Cooperating(HbjOffice)],
                    DueInDays = -15, Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 1,
                    Obstacles = "设施运维经费需纳入区级财政预算，预算调整尚未获批。",
                    Measures =
                    [
                        "对近五年专项资金项目开展清理核查，建立项目台账",
                        "对已建成设施运行情况逐一评估",
                        "推动将环保设施运维经费纳入年度财政预算",
                        "制定专项资金项目全过程管理办法",
                    ],
                    Latest = "项目台账已建立，设施运行评估完成一半，运维经费尚未落实。",
                },
                new()
                {
                    Code = "XC-3-1", Title = "“三会一课”制度落实不严格，组织生活质量不高",
                    Aspect = AspectOrganisation, Category = ItemCategory.Other, Lead = HbjOffice,
                    DueInDays = -120, Stage = DemoStage.SignedOff, DoneDaysAgo = 130,
                    Measures =
                    [
                        "制定支部年度组织生活计划，规范会议记录",
                        "党组书记每年至少讲一次专题党课",
                        "开展主题党日活动并建立活动台账",
                    ],
                    Latest = "组织生活计划和会议记录已规范，专题党课和主题党日按计划开展。",
                },
                new()
                {
                    Code = "XC-3-2", Title = "干部队伍年龄结构老化，环境监测、执法等专业人才缺乏",
                    Aspect = AspectOrganisation, Category = ItemCategory.Other, Lead = HbjOffice,
                    Kinds = [DeadlineKind.Ongoing], DueInDays = null, Stage = DemoStage.InProgress, Implemented = 1,
                    Measures =
                    [
                        "制定干部队伍建设三年规划",
                        "通过公开招聘、遴选补充环境专业人才",
                        "建立年轻干部到执法、监测一线轮岗锻炼机制",
                    ],
                    Latest = "三年规划已印发，今年招聘计划已报区人社局。",
                },
                new()
                {
                    Code = "XC-3-3", Title = "上轮巡察反馈问题整改不彻底，个别问题出现反弹",
                    Aspect = AspectOrganisation, Category = ItemCategory.Other, Lead = Hbj,
                    DueInDays = -30, Stage = DemoStage.Returned, ApprovedSteps = 1, DoneDaysAgo = 35,
                    Return = new("整改佐证材料缺少反弹问题的复查记录和长效机制文件，请补充后再报。"),
                    Measures =
                    [
                        "逐条对照上轮巡察反馈问题开展“回头看”",
                        "对反弹问题重新制定整改措施并明确责任人",
                        "建立巡察整改长效机制和定期复查制度",
                    ],
                    Latest = "“回头看”完成，反弹问题已重新整改。",
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
                    Code = "DB-01", Title = "XX食品公司涉嫌私设暗管排放生产废水",
                    Description = "中央督办件：群众举报XX食品公司在厂区围墙外私设暗管，生产废水直排沟渠。经查属实。",
                    Requirement = "封堵暗管，依法查处，确保废水达标排放。",
                    Category = ItemCategory.Water, IsKey = true, Area = "东城街道", Industry = "食品加工",
                    Lead = HbjEnforcement, Others = [Responsible(Dongcheng), Supervising(Hbj)],
                    DueInDays = -300, Stage = DemoStage.SignedOff, DoneDaysAgo = 330,
                    Measures =
                    [
                        "封堵暗管并对企业依法立案处罚",
                        "督促企业完善废水处理设施并安装在线监测",
                        "将企业纳入重点监管名单，每月开展现场检查",
                    ],
                    Latest = "暗管已封堵，企业被依法处罚，废水处理设施改造完成并在线监测联网。",
                    Recurrence = new(40, "区生态环境分局复查组",
                        "复查时在厂区东侧发现新设排水软管，生产废水经软管排入雨水沟，问题死灰复燃。", 20,
                        "拆除新设排水软管，下达责令改正决定书并立案查处", 14,
                        "新设软管已拆除，企业再次被立案处罚，厂区雨水排口加装视频监控，重新申请销号。",
                        CompletedAgain: true),
                },
                new()
                {
                    Code = "DB-02", Title = "XXX项目施工影响自来水公司取水口水质",
                    Description = "省督办件：上游桥梁施工泥浆排入河道，自来水公司取水口浊度升高。",
                    Requirement = "规范施工废水处置，保障取水口水质安全。",
                    Category = ItemCategory.Water, Area = "城关镇", Industry = "交通建设",
                    Lead = Slj, Others = [Cooperating(Zjj), Cooperating(Jtj)],
                    DueInDays = -250, Stage = DemoStage.SignedOff, DoneDaysAgo = 260,
                    Measures =
                    [
                        "责令施工单位在取水口上游设置围堰和沉淀池",
                        "取水口水质监测加密至每日一次",
                        "施工结束后恢复河道原貌",
                    ],
                    Latest = "围堰和沉淀池建成，取水口浊度恢复正常，施工结束后河道已恢复。",
                },
                new()
                {
                    Code = "DB-03", Title = "XXX河段死猪漂浮污染水环境",
                    Description = "省督办件：马店镇段河面发现漂浮死猪多头，群众担心水质受到污染。",
                    Requirement = "及时打捞无害化处理，追查来源，建立长效机制。",
                    Category = ItemCategory.Water, Area = "马店镇", Industry = "畜禽养殖",
                    Lead = Nyj, Others = [Responsible(Madian), Cooperating(Slj)],
                    DueInDays = -200, Stage = DemoStage.SignedOff, DoneDaysAgo = 210,
                    Measures =
                    [
                        "组织打捞并对死猪进行无害化处理",
                        "追溯来源并对抛弃死猪的养殖户依法查处",
                        "建立病死畜禽无害化收集处理体系和河面巡查制度",
                    ],
                    Latest = "死猪全部打捞处理，涉事养殖户已查处，河面巡查制度建立。",
                },
                new()
                {
                    Code = "DB-04", Title = "城区XXX排水口污水直排河道",
                    Description = "中央督办件复查发现，城区XXX排水口晴天仍有污水排出。",
                    Requirement = "查清污水来源，实施截污，杜绝直排。",
                    Category = ItemCategory.Water, IsKey = true, Area = "城关镇", Industry = "市政基础设施",
                    Lead = Cgj, Others = [Cooperating(Zjj), Responsible(Chengguan)],
                    DueInDays = -8, Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 2,
                    Obstacles = "上游截污管需穿越铁路，跨越施工方案尚待铁路部门审批。",
                    Measures =
                    [
                        "对排水口上游管网开展溯源排查",
                        "在排水口设置临时截流设施",
                        "实施上游截污管网改造",
                    ],
                    Latest = "溯源已完成，临时截流设施运行中，截污管跨铁路段施工方案尚未获批。",
                },
                new()
                {
                    Code = "DB-05", Title = "XX中学附近白色垃圾固废污染",
                    Description = "省督办件：学校周边空地堆积大量白色垃圾和生活垃圾，长期无人清理。",
                    Requirement = "清理存量垃圾，落实保洁责任。",
                    Category = ItemCategory.SolidWaste, Area = "城关镇", Industry = "生活垃圾",
                    Lead = Chengguan, Others = [Cooperating(Cgj)],
                    DueInDays = -60, Stage = DemoStage.Completed, DoneDaysAgo = 65,
                    Measures =
                    [
                        "清运学校周边堆积的白色垃圾和生活垃圾",
                        "在周边路段增设垃圾收集设施并落实保洁责任",
                        "开展校园周边环境卫生定期巡查",
                    ],
                    Latest = "存量垃圾全部清运，收集设施和保洁责任落实，复查未见反弹。",
                },
                new()
                {
                    Code = "DB-06", Title = "XXXX有限公司废铁渣露天堆放，无环保防治设施",
                    Description = "中央督办件：企业厂区废铁渣露天堆放，无防雨、防渗、防扬散措施。",
                    Requirement = "规范贮存，完善污染防治设施。",
                    Category = ItemCategory.SolidWaste, Area = "李庄乡", Industry = "金属加工",
                    Lead = Lizhuang, Others = [Cooperating(HbjEnforcement)],
                    DueInDays = -3, Stage = DemoStage.BasicallyCompleted, Implemented = 2,
                    Measures =
                    [
                        "责令企业停止露天堆放并清运现存废铁渣",
                        "建设封闭式堆棚和防渗地面",
                        "完善雨水收集和渗滤液导排设施",
                    ],
                    Latest = "废铁渣已清运，封闭堆棚主体完工，渗滤液导排设施正在安装。",
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
                    Code = "XF-01", Title = "XX电厂周边粉煤灰运输扬尘扰民",
                    Description = "来电反映：电厂粉煤灰运输车辆沿途撒漏，灰场无苫盖，周边居民家中积灰。重点信访件，经核查属实。",
                    Requirement = "落实运输和灰场抑尘措施，按期办结并回访。",
                    Category = ItemCategory.Air, IsKey = true, Area = "东城街道", Industry = "火力发电",
                    Lead = Dongcheng, Others = [Responsible(PowerPlant), Supervising(Hbj)],
                    DueInDays = 25, Stage = DemoStage.InProgress, ExternalRef = "XF-DEMO-0301",
                    Extension = new(60, "电厂灰场封闭改造需结合机组停机检修实施，申请延长办结时限。", ExtensionStatus.Rejected,
                        "信访件须按期办结，灰场先采取临时苫盖和喷淋措施，不同意延期。"),
                    Measures =
                    [
                        new("粉煤灰运输车辆全部加盖篷布并冲洗出场", PowerPlant),
                        new("对电厂灰场实施苫盖和喷淋抑尘", PowerPlant),
                        "对运输道路实行每日洒水清扫",
                        "办结后回访信访人",
                    ],
                    Latest = "运输车辆密闭和灰场苫盖已落实，道路保洁正在加密。",
                },
                new()
                {
                    Code = "XF-02", Title = "夜间建筑施工噪声扰民",
                    Description = "来信反映：某住宅项目夜间连续浇筑，噪声影响周边居民休息。经核查属实。",
                    Category = ItemCategory.Noise, Area = "东城街道", Industry = "建筑施工",
                    Lead = Zjj, Others = [Cooperating(Cgj)],
                    DueInDays = -30, Stage = DemoStage.SignedOff, DoneDaysAgo = 35, ExternalRef = "XF-DEMO-0302",
                    Measures =
                    [
                        "责令施工单位停止夜间高噪声作业",
                        "确需夜间连续施工的严格审批并提前公示",
                        "向信访人反馈办理结果",
                    ],
                    Latest = "施工单位已调整作业时间，信访人对办理结果表示满意。",
                },
                new()
                {
                    Code = "XF-03", Title = "沿街餐饮店油烟直排扰民",
                    Description = "来电反映：楼下烧烤店油烟直排，影响楼上住户。经核查属实。",
                    Category = ItemCategory.Air, Area = "城关镇", Industry = "餐饮服务",
                    Lead = Cgj, Others = [Responsible(Chengguan)],
                    DueInDays = -20, Stage = DemoStage.Completed, DoneDaysAgo = 22, ExternalRef = "XF-DEMO-0303",
                    Measures =
                    [
                        "督促涉事餐饮店安装油烟净化设施",
                        "将油烟排放口改造至高于周边建筑",
                        "向信访人反馈并回访",
                    ],
                    Latest = "净化设施已安装，排放口完成改造，已回访信访人。",
                },
                new()
                {
                    Code = "XF-04", Title = "张庄村养殖场异味扰民",
                    Description = "来电反映：村内养猪场粪污堆放，夏季臭味明显。交办后待核查。",
                    Category = ItemCategory.Air, Area = "李庄乡", Industry = "畜禽养殖",
                    Lead = Lizhuang, Others = [Responsible(Zhangzhuang), Cooperating(Nyj)],
                    DueInDays = 14, Stage = DemoStage.NotStarted, ExternalRef = "XF-DEMO-0304",
                    Measures =
                    [
                        "现场核查养殖场粪污处理情况",
                        new("督促养殖场配建粪污处理设施并定期清运", Zhangzhuang),
                        "向信访人反馈办理结果",
                    ],
                    Latest = "已交办，尚未开展现场核查。",
                },
                new()
                {
                    Code = "XF-05", Title = "小区地下车库废水外溢",
                    Description = "来信反映：小区地下车库积水发臭并外溢至道路。交办后责任主体存在争议。",
                    Category = ItemCategory.Water, Area = "东城街道", Industry = "物业管理",
                    Lead = Dongcheng, Others = [Cooperating(Zjj)],
                    DueInDays = -2, Stage = DemoStage.NotStarted, Schedule = ScheduleStatus.Behind, LastReportDaysAgo = 4,
                    ExternalRef = "XF-DEMO-0305",
                    Obstacles = "物业公司与开发商对排水设施维修责任存在争议，尚未开展处置。",
                    Measures =
                    [
                        "现场核查废水来源",
                        "责成物业公司清理积水并修复排水设施",
                        "向信访人反馈办理结果",
                    ],
                    Latest = "已组织物业公司和开发商协调，责任尚未明确，处置未启动。",
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
                    Code = "ZX-01", Title = "XX电厂等2个批次6家企业周边环境综合整治",
                    Description = "重点企业周边道路积尘、堆场裸露，作为专项行动示范点先行整治。",
                    Target = "6家企业周边环境整治到位，形成示范带动。",
                    Category = ItemCategory.Air, IsKey = true, Area = "东城街道", Industry = "工业企业",
                    Lead = Dongcheng, Others = [Responsible(PowerPlant), Supervising(Hbj)],
                    DueInDays = 40, QuantityTarget = 6m, QuantityDone = 4m, QuantityUnit = "家",
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Ahead,
                    Measures =
                    [
                        "对6家企业周边道路、堆场开展排查，逐一建立问题清单",
                        new("完成第一批次3家企业周边整治", PowerPlant),
                        "完成第二批次3家企业周边整治",
                        "建立企业周边环境网格化长效管护机制",
                    ],
                    Latest = "第一批次3家已整治到位，第二批次完成1家，进度快于计划。",
                },
                new()
                {
                    Code = "ZX-02", Title = "国控站点周边城市道路雾森体系建设",
                    Target = "建成站点周边道路雾森系统8.4公里。",
                    Category = ItemCategory.Air, Area = "城关镇", Industry = "道路扬尘",
                    Lead = Cgj, Others = [Supervising(Hbj)],
                    DueInDays = 10, QuantityTarget = 8.4m, QuantityDone = 7.6m, QuantityUnit = "公里",
                    Stage = DemoStage.BasicallyCompleted,
                    Measures =
                    [
                        "完成雾森系统设计和招标",
                        "完成站点周边主干道雾森管线铺设",
                        "完成系统联调联试并移交运维",
                    ],
                    Latest = "已铺设雾森管线7.6公里，剩余路段和联调联试预计一周内完成。",
                },
                new()
                {
                    Code = "ZX-03", Title = "XX河全岸线入河排污口现场排查",
                    Target = "完成全岸线32.6公里排查，排查点位全部录入移动端。",
                    Category = ItemCategory.Water, Area = "全区", Industry = "入河排污口",
                    Lead = Slj, Others = [Cooperating(Hbj), Cooperating(Chengguan), Cooperating(Lizhuang)],
                    DueInDays = -30, QuantityTarget = 32.6m, QuantityUnit = "公里",
                    Stage = DemoStage.SignedOff, DoneDaysAgo = 40,
                    Measures =
                    [
                        "组织水利、生态环境部门和相关乡办联合开展岸线徒步排查",
                        "将排查发现的70余个重点点位逐一录入移动端",
                        "形成排查报告并移交排污口整治",
                    ],
                    Latest = "全岸线32.6公里排查完成，70余个点位全部录入。",
                },
                new()
                {
                    Code = "ZX-04", Title = "社会源废铅蓄电池收集贮存不规范",
                    Category = ItemCategory.SolidWaste, Area = "城关镇、东城街道", Industry = "机动车维修",
                    Lead = Hbj, Others = [Cooperating(Chengguan), Cooperating(Dongcheng)],
                    DueInDays = -10, Stage = DemoStage.SignOffRequested, ApprovedSteps = 0, DoneDaysAgo = 12,
                    Measures =
                    [
                        "摸排铅蓄电池销售网点、4S店和电动车维修点",
                        "对产废单位实施清单管理",
                        "督促产废单位规范设置贮存点并交有资质单位处置",
                    ],
                    Latest = "产废单位清单已建立，贮存点全部规范设置。",
                },
                new()
                {
                    Code = "ZX-05", Title = "柴油货车及移动源监督性检测覆盖面不足",
                    Target = "全年完成移动源监督性检测60辆。",
                    Category = ItemCategory.Air, Area = "全区", Industry = "交通运输",
                    Lead = Hbj, Others = [Cooperating(Jtj)],
                    DueInDays = 60, QuantityTarget = 60m, QuantityDone = 41m, QuantityUnit = "辆",
                    Stage = DemoStage.InProgress, Implemented = 1,
                    Measures =
                    [
                        "制定移动源监督性检测计划",
                        "开展路检路查和柴油货车入户抽检",
                        "对加油站油品质量开展抽检",
                    ],
                    Latest = "已完成监督性检测41辆，入户抽检柴油货车6台，抽检加油站14家。",
                },
                new()
                {
                    Code = "ZX-06", Title = "重点建设用地土壤污染状况调查滞后",
                    Target = "5个重点地块全部完成初步调查并备案。",
                    Category = ItemCategory.Soil, IsKey = true, Area = "城关镇", Industry = "建设用地",
                    Lead = Zrj, Others = [Cooperating(Hbj)],
                    DueInDays = -12, QuantityTarget = 5m, QuantityDone = 2m, QuantityUnit = "块",
                    Stage = DemoStage.InProgress, Schedule = ScheduleStatus.Behind, Implemented = 2,
                    Obstacles = "3个地块调查服务招标流标一次，正在重新招标。",
                    Measures =
                    [
                        "梳理需开展调查的重点建设用地清单",
                        "完成市一中学生公寓、XXX小学两个地块初步调查",
                        "完成XX新址等3个地块初步调查",
                        "调查报告组织专家评审并报市局备案",
                    ],
                    Latest = "2个地块初步调查已完成，其余3个地块调查单位尚未确定。",
                },
                new()
                {
                    Code = "ZX-07", Title = "城乡结合部垃圾堆放点清理",
                    Category = ItemCategory.SolidWaste, Area = "马店镇", Industry = "生活垃圾",
                    Lead = Madian, DueInDays = 60, Stage = DemoStage.NotStarted,
                    Measures =
                    [
                        "排查城乡结合部垃圾堆放点位",
                        "清运存量垃圾并平整场地",
                        "落实村庄保洁责任，纳入月评比",
                    ],
                    Latest = "尚未启动。",
                },
                new()
                {
                    Code = "ZX-08", Title = "鱼塘周边排水点位规范整治",
                    Category = ItemCategory.Water, Area = "李庄乡", Industry = "水产养殖",
                    Lead = Lizhuang, Others = [Supervising(Hbj)],
                    DueInDays = 35, Stage = DemoStage.InProgress, Implemented = 1,
                    Measures =
                    [
                        "排查鱼塘周边排水点位并录入台账",
                        "对不规范排水点位设置沉淀和生态净化设施",
                        "建立鱼塘排水前报告制度",
                    ],
                    Latest = "排查录入完成，净化设施建设已启动。",
                },
            ],
        },
    ];
}
