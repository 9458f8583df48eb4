namespace Rectify.Domain.Items;

/// <summary>整改进度</summary>
public enum ProgressStatus
{
    /// <summary>尚未启动</summary>
    NotStarted,
    /// <summary>正在推进</summary>
    InProgress,
    /// <summary>基本完成</summary>
    BasicallyCompleted,
    /// <summary>已完成整改: every measure implemented.</summary>
    Completed,
}

/// <summary>序时进度: the schedule assessment that comes with a progress report.</summary>
public enum ScheduleStatus
{
    /// <summary>序时推进</summary>
    OnSchedule,
    /// <summary>进展较快</summary>
    Ahead,
    /// <summary>进展缓慢</summary>
    Behind,
}

/// <summary>销号</summary>
public enum SignOffStatus
{
    None,
    /// <summary>申请销号, walking the review steps.</summary>
    Requested,
    /// <summary>退回: back to the unit to resubmit.</summary>
    Returned,
    /// <summary>已销号</summary>
    SignedOff,
}

public enum DeadlineKind
{
    /// <summary>立行立改</summary>
    Immediate,
    /// <summary>限期整改: needs a due date.</summary>
    ByDate,
    /// <summary>长期坚持</summary>
    Ongoing,
}

public enum ItemCategory
{
    Air,
    Water,
    Soil,
    SolidWaste,
    Ecology,
    Noise,
    Radiation,
    Other,
}

public enum UnitRole
{
    /// <summary>牵头单位: exactly one per item.</summary>
    Lead,
    /// <summary>责任单位</summary>
    Responsible,
    /// <summary>配合单位</summary>
    Cooperating,
    /// <summary>督导单位</summary>
    Supervising,
    /// <summary>验收单位</summary>
    Acceptance,
}

public enum WarningLevel
{
    None,
    /// <summary>Due within the blue threshold (7 days by default).</summary>
    Blue,
    /// <summary>Due within the yellow threshold (3 days) or last reported behind schedule.</summary>
    Yellow,
    /// <summary>Overdue.</summary>
    Red,
}

public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}

public enum ReviewDecision
{
    Approved,
    Returned,
}
