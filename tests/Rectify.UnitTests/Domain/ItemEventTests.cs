using Rectify.Domain.Common;
using Rectify.Domain.Items;
using static Rectify.UnitTests.Domain.ItemStates;

namespace Rectify.UnitTests.Domain;

/// <summary>
/// What each public method of the item records: the events (types and order) and the changes the audit trail shows
/// for them, old → new. Items are built, then saved (<see cref="AggregateRoot.MarkSaved"/>) so only what the method
/// under test recorded is left.
/// </summary>
public sealed class ItemEventTests
{
    private static readonly DateOnly Later = new(2026, 9, 30);
    private static readonly DateTimeOffset At = Now.AddDays(3);

    private static Item Saved(Item item)
    {
        item.MarkSaved();
        return item;
    }

    private static Type[] Types(Item item) => item.Events.Select(e => e.Event.GetType()).ToArray();

    private static string[] Fields(RecordedEvent recorded) => recorded.Changes.Select(c => c.Field).ToArray();

    private static FieldChange Change(RecordedEvent recorded, string field) => recorded.Changes.Single(c => c.Field == field);

    private static TEvent OnlyEvent<TEvent>(Item item) where TEvent : DomainEvent
    {
        Assert.That(Types(item), Is.EqualTo(new[] { typeof(TEvent) }));
        return (TEvent)item.Events[0].Event;
    }

    // ---- Create / Restore ----------------------------------------------------------------------------------------

    [Test]
    public void Create_WhenCreated_RecordsItemCreatedWithItsFieldsFromNothing()
    {
        var lead = Guid.NewGuid();

        var item = Item.Create(Guid.NewGuid(), Guid.NewGuid(), ThreeSteps, Content("A-01", "城区黑臭水体整治"),
            [new ItemUnit(lead, UnitRole.Lead)], [DeadlineKind.ByDate], Due, Now);

        Assert.That(Types(item), Is.EqualTo(new[] { typeof(ItemCreated) }));
        var created = item.Events[0];
        Assert.That(created.Event.Action, Is.EqualTo("created"));
        Assert.That(created.Changes, Does.Contain(new FieldChange("code", null, "A-01")));
        Assert.That(created.Changes, Does.Contain(new FieldChange("title", null, "城区黑臭水体整治")));
        Assert.That(created.Changes, Does.Contain(new FieldChange("category", null, ItemCategory.Water)));
        Assert.That(created.Changes, Does.Contain(new FieldChange("leadUnitId", null, lead)));
        Assert.That(created.Changes, Does.Contain(new FieldChange("deadlineKinds", null, "by_date")));
        Assert.That(created.Changes, Does.Contain(new FieldChange("dueDate", null, Due)));
        Assert.That(created.Changes, Does.Contain(new FieldChange("progressStatus", null, ProgressStatus.NotStarted)));
        Assert.That(created.Changes, Does.Contain(new FieldChange("signOffStatus", null, SignOffStatus.None)));
        Assert.That(created.Changes.Select(c => c.Old), Is.All.Null);
        Assert.That(Fields(created), Has.None.EqualTo("description"));
        Assert.That(Fields(created), Has.None.EqualTo("signOffStep"));
        Assert.That(item.IsNew, Is.True);
    }

    [Test]
    public void Create_WhenRefused_CreatesNothing()
    {
        Assert.That(() => Item.Create(Guid.NewGuid(), Guid.NewGuid(), ThreeSteps, Content(), [], [DeadlineKind.ByDate], Due, Now),
            Violates("one_lead_unit"));
    }

    [Test]
    public void Restore_WhenRebuiltFromStorage_HasNoEventsAndIsNotNew()
    {
        var item = Restored(ProgressStatus.InProgress, SignOffStatus.None, null, null);

        Assert.That(item.Events, Is.Empty);
        Assert.That(item.IsNew, Is.False);
        Assert.That(item.Version, Is.EqualTo(7));
        Assert.That(item.StampChanges(At), Is.False);
        Assert.That(item.Version, Is.EqualTo(7));
        Assert.That(item.UpdatedAt, Is.EqualTo(Now.AddDays(-1)));
    }

    [Test]
    public void Restore_WhenChangedAfterwards_MeasuresTheChangeAgainstTheStoredState()
    {
        var item = Restored(ProgressStatus.InProgress, SignOffStatus.None, null, null);

        item.Report(ProgressStatus.BasicallyCompleted, ScheduleStatus.OnSchedule);

        var reported = item.Events.Single();
        Assert.That(reported.Changes.Where(c => !c.Field.StartsWith("report.", StringComparison.Ordinal)),
            Is.EqualTo(new[] { new FieldChange("progressStatus", ProgressStatus.InProgress, ProgressStatus.BasicallyCompleted) }));
    }

    [Test]
    public void Restore_WhenUnderReviewAtTheLastStep_ApprovalClosesTheStoredRequestAndBindsTheStoredVersion()
    {
        var request = new SignOffRequest(Guid.NewGuid(), Guid.NewGuid(), 2, "再次申请销号", [], SignOffRequestStatus.Pending,
            "县住建局", null, Now.AddDays(-2), null);
        var item = Restored(ProgressStatus.Completed, SignOffStatus.Requested, 2, request);

        var review = item.Approve(At);

        Assert.That(Types(item), Is.EqualTo(new[] { typeof(SignOffStepApproved), typeof(ItemSignedOff) }));
        Assert.That(review.ItemVersion, Is.EqualTo(7));
        Assert.That(review.RequestId, Is.EqualTo(request.Id));
        Assert.That(((SignOffStepApproved)item.Events[0].Event).ClosedRequest,
            Is.EqualTo(request with { Status = SignOffRequestStatus.Approved, ClosedAt = At }));
        Assert.That(item.Events[0].Changes, Does.Contain(new FieldChange("review.itemVersion", null, 7)));
    }

    private static Item Restored(ProgressStatus progress, SignOffStatus signOff, int? stepIndex, SignOffRequest? openRequest)
    {
        var id = Guid.NewGuid();
        var measure = Measure.Restore(Guid.NewGuid(), id, "截污纳管", null, null, true, Today, Now, Now);
        return Item.Restore(id, Guid.NewGuid(), Content(), ThreeSteps, [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)],
            [DeadlineKind.ByDate], Due, Due, progress, ScheduleStatus.OnSchedule, signOff, stepIndex,
            openRequest?.Round ?? 0, null, null, 0, Now.AddDays(-30), Now.AddDays(-1),
            progress == ProgressStatus.Completed ? Now.AddDays(-5) : null, null, 7, [measure], Today.AddDays(-5),
            openRequest, []);
    }

    // ---- Edit / ReassignUnits ------------------------------------------------------------------------------------

    [Test]
    public void Edit_WhenContentAndDeadlineChange_RecordsItemEditedWithTheChangedFieldsOnly()
    {
        var item = Saved(New());

        item.Edit(Content(title: "城区黑臭水体整治"), [DeadlineKind.ByDate], Later);

        var edited = item.Events.Single();
        Assert.That(edited.Event, Is.TypeOf<ItemEdited>());
        Assert.That(edited.Event.Action, Is.EqualTo("updated"));
        Assert.That(edited.Changes, Is.EqualTo(new[]
        {
            new FieldChange("title", "title", "城区黑臭水体整治"),
            new FieldChange("dueDate", Due, Later),
        }));
    }

    [Test]
    public void Edit_WhenExternalRefsAndKindsChange_RecordsThemAsTheTrailReadsThem()
    {
        var item = Saved(New());

        item.Edit(Content() with { ExternalRefs = [new ExternalRef("督察系统", "HB-2026-001")] },
            [DeadlineKind.Ongoing, DeadlineKind.ByDate], Due);

        var edited = item.Events.Single();
        Assert.That(edited.Changes, Is.EqualTo(new[]
        {
            new FieldChange("deadlineKinds", "by_date", "by_date, ongoing"),
            new FieldChange("externalRefs", "", "督察系统/HB-2026-001"),
        }));
    }

    [Test]
    public void Edit_WhenContentIsIdentical_RecordsNothing()
    {
        var item = Saved(New());
        var same = Content() with { ExternalRefs = new List<ExternalRef>() };

        item.Edit(same, [DeadlineKind.ByDate, DeadlineKind.ByDate], Due);

        Assert.That(item.Events, Is.Empty);
        Assert.That(item.StampChanges(At), Is.False);
    }

    [Test]
    public void Edit_WhenRefused_RecordsNothing()
    {
        var item = Saved(SignOffRequested());

        Assert.That(() => item.Edit(Content(title: "改后的标题"), item.DeadlineKinds, item.DueDate), Violates("sign_off_pending"));
        Assert.That(item.Events, Is.Empty);
    }

    [Test]
    public void ReassignUnits_WhenLeadAndOthersChange_RecordsUnitsReassignedWithLeadUnitIdAndUnitsChangesOnly()
    {
        var item = Saved(New());
        var oldLead = item.LeadUnitId;
        var newLead = Guid.NewGuid();
        var responsible = Guid.NewGuid();

        item.ReassignUnits([new ItemUnit(responsible, UnitRole.Responsible), new ItemUnit(newLead, UnitRole.Lead)]);

        var reassigned = OnlyEvent<UnitsReassigned>(item);
        Assert.That(reassigned.Action, Is.EqualTo("units_reassigned"));
        Assert.That(reassigned.LeadUnitId, Is.EqualTo(newLead));
        Assert.That(reassigned.Units, Is.EqualTo(new[] { new ItemUnit(newLead, UnitRole.Lead), new ItemUnit(responsible, UnitRole.Responsible) }));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("leadUnitId", oldLead, newLead),
            new FieldChange("units", "", $"{responsible}:responsible"),
        }));
    }

    [Test]
    public void ReassignUnits_WhenOnlyOtherUnitsChange_RecordsTheUnitsChangeAlone()
    {
        var item = Saved(New());
        var lead = item.Units.Single();
        var cooperating = Guid.NewGuid();

        item.ReassignUnits([lead, new ItemUnit(cooperating, UnitRole.Cooperating)]);

        Assert.That(Fields(item.Events.Single()), Is.EqualTo(new[] { "units" }));
        Assert.That(Change(item.Events[0], "units").New, Is.EqualTo($"{cooperating}:cooperating"));
    }

    [Test]
    public void ReassignUnits_WhenTheSameUnits_RecordsNothing()
    {
        var item = Saved(New());

        item.ReassignUnits([.. item.Units]);

        Assert.That(item.Events, Is.Empty);
    }

    // ---- Measures ------------------------------------------------------------------------------------------------

    [Test]
    public void AddMeasure_WhenAdded_RecordsMeasureAddedWithItsFieldsAndTheNewCount()
    {
        var item = Saved(New());
        var unitId = Guid.NewGuid();

        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", unitId, Due, Now);

        var added = OnlyEvent<MeasureAdded>(item);
        Assert.That(added.Action, Is.EqualTo("measure_added"));
        Assert.That(added.Measure, Is.SameAs(measure));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("measures", new MeasureCounts(0, 0), new MeasureCounts(1, 0)),
            new FieldChange("measure.id", null, measure.Id),
            new FieldChange("measure.description", null, "开展排查"),
            new FieldChange("measure.unitId", null, unitId),
            new FieldChange("measure.dueDate", null, Due),
            new FieldChange("measure.implemented", null, false),
        }));
    }

    [Test]
    public void AddMeasure_WhenRefused_RecordsNothing()
    {
        var item = Saved(CompletedItem());

        Assert.That(() => item.AddMeasure(Guid.NewGuid(), "补充措施", null, null, Now), Violates("item_completed"));
        Assert.That(item.Events, Is.Empty);
    }

    [Test]
    public void SetMeasureImplemented_WhenImplementing_RecordsMeasureImplemented()
    {
        var item = New();
        var measure = item.AddMeasure(Guid.NewGuid(), "开展排查", null, null, Now);
        Saved(item);

        item.SetMeasureImplemented(measure.Id, true, null, Today, Now);

        var implemented = OnlyEvent<MeasureImplemented>(item);
        Assert.That(implemented.Action, Is.EqualTo("measure_updated"));
        Assert.That(implemented.Measure, Is.SameAs(measure));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("measures", new MeasureCounts(1, 0), new MeasureCounts(1, 1)),
            new FieldChange("measure.id", null, measure.Id),
            new FieldChange("measure.implemented", false, true),
            new FieldChange("measure.implementedOn", null, Today),
        }));
    }

    [Test]
    public void SetMeasureImplemented_WhenTakenBack_RecordsMeasureChangedNotImplemented()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));
        var measure = item.Measures.Single();

        item.SetMeasureImplemented(measure.Id, false, null, Today, Now);

        OnlyEvent<MeasureChanged>(item);
        Assert.That(item.Events[0].Event.Action, Is.EqualTo("measure_updated"));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("measures", new MeasureCounts(1, 1), new MeasureCounts(1, 0)),
            new FieldChange("measure.id", null, measure.Id),
            new FieldChange("measure.implemented", true, false),
            new FieldChange("measure.implementedOn", Today, null),
        }));
    }

    [Test]
    public void SetMeasureImplemented_WhenOnlyRedated_RecordsMeasureChangedWithTheDate()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));
        var measure = item.Measures.Single();
        var on = Today.AddDays(-4);

        item.SetMeasureImplemented(measure.Id, true, on, Today, Now);

        OnlyEvent<MeasureChanged>(item);
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("measure.id", null, measure.Id),
            new FieldChange("measure.implementedOn", Today, on),
        }));
    }

    [Test]
    public void SetMeasureImplemented_WhenNothingDiffers_RecordsNothing()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));

        item.SetMeasureImplemented(item.Measures.Single().Id, true, Today, Today, Now);

        Assert.That(item.Events, Is.Empty);
    }

    [Test]
    public void SetMeasureImplemented_WhenTakenBackOnACompletedItem_ViolatesItemCompletedAndRecordsNothing()
    {
        var item = Saved(CompletedItem());

        Assert.That(() => item.SetMeasureImplemented(item.Measures.Single().Id, false, null, Today, Now), Violates("item_completed"));
        Assert.That(item.Events, Is.Empty);
    }

    [Test]
    public void EditMeasure_WhenEdited_RecordsMeasureChangedWithTheEditedFieldsOnly()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));
        var measure = item.Measures.Single();
        var unitId = Guid.NewGuid();

        item.EditMeasure(measure.Id, "截污纳管并清淤", unitId, null, Now);

        OnlyEvent<MeasureChanged>(item);
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("measure.id", null, measure.Id),
            new FieldChange("measure.description", "截污纳管", "截污纳管并清淤"),
            new FieldChange("measure.unitId", null, unitId),
        }));
    }

    [Test]
    public void EditMeasure_WhenNothingDiffers_RecordsNothing()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));
        var measure = item.Measures.Single();

        item.EditMeasure(measure.Id, measure.Description, measure.UnitId, measure.DueDate, Now);

        Assert.That(item.Events, Is.Empty);
    }

    // ---- Progress ------------------------------------------------------------------------------------------------

    [Test]
    public void ReportProgress_WhenTheReportCompletesTheItem_RecordsProgressReportedThenItemCompleted()
    {
        var item = Saved(AtProgress(ProgressStatus.BasicallyCompleted));
        Evidence[] evidence = [new Evidence("验收照片.jpg", "https://files.example/2.jpg", null)];

        var report = item.ReportProgress(Guid.NewGuid(), Today.AddDays(3), "全部完成", ProgressStatus.Completed,
            ScheduleStatus.OnSchedule, null, null, evidence, "县住建局", At);

        Assert.That(Types(item), Is.EqualTo(new[] { typeof(ProgressReported), typeof(ItemCompleted) }));
        var (reported, completed) = (item.Events[0], item.Events[1]);
        Assert.That(reported.Event, Is.EqualTo(new ProgressReported(report, true)));
        Assert.That(reported.Event.Action, Is.EqualTo("progress_reported"));
        Assert.That(reported.Changes, Is.EqualTo(new[]
        {
            new FieldChange("progressStatus", ProgressStatus.BasicallyCompleted, ProgressStatus.Completed),
            new FieldChange("report.id", null, report.Id),
            new FieldChange("report.reportedOn", null, Today.AddDays(3)),
            new FieldChange("report.summary", null, "全部完成"),
            new FieldChange("report.evidence", null, 1),
        }));
        Assert.That(completed.Event, Is.EqualTo(new ItemCompleted(At)));
        Assert.That(completed.Event.Action, Is.EqualTo("completed"));
        Assert.That(completed.Changes, Is.EqualTo(new[] { new FieldChange("completedAt", null, At) }));
    }

    [Test]
    public void ReportProgress_WhenNotCompleting_RecordsProgressReportedAlone()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));

        item.Report(ProgressStatus.BasicallyCompleted, ScheduleStatus.Behind, 4m, "汛期停工");

        var reported = OnlyEvent<ProgressReported>(item);
        Assert.That(reported.Applied, Is.True);
        Assert.That(item.Events[0].Changes.Where(c => !c.Field.StartsWith("report.", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            new FieldChange("progressStatus", ProgressStatus.InProgress, ProgressStatus.BasicallyCompleted),
            new FieldChange("scheduleStatus", ScheduleStatus.OnSchedule, ScheduleStatus.Behind),
            new FieldChange("quantity", null, new Quantity(null, 4m, null)),
            new FieldChange("obstacles", null, "汛期停工"),
        }));
    }

    [Test]
    public void ReportProgress_WhenTheItemIsAlreadyCompleted_RecordsNoSecondCompletion()
    {
        var item = Saved(CompletedItem());

        item.Report(ProgressStatus.Completed, ScheduleStatus.OnSchedule, at: At);

        Assert.That(Types(item), Is.EqualTo(new[] { typeof(ProgressReported) }));
        Assert.That(Fields(item.Events[0]), Has.None.EqualTo("progressStatus"));
    }

    [Test]
    public void ReportProgress_WhenDatedBeforeTheLatestReport_RecordsProgressReportedNotAppliedAndNoStatusChange()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));

        var report = item.Report(ProgressStatus.Completed, ScheduleStatus.Ahead, 9m, null, on: Today.AddDays(-10));

        var reported = OnlyEvent<ProgressReported>(item);
        Assert.That(reported, Is.EqualTo(new ProgressReported(report, false)));
        Assert.That(reported.Applied, Is.False);
        Assert.That(Fields(item.Events[0]), Is.EqualTo(new[] { "report.id", "report.reportedOn", "report.summary", "report.evidence" }));
        Assert.That(Fields(item.Events[0]), Has.None.EqualTo("progressStatus"));
    }

    [Test]
    public void ReportProgress_WhenRefused_RecordsNothing()
    {
        var item = Saved(AtProgress(ProgressStatus.BasicallyCompleted));

        Assert.That(() => item.Report(ProgressStatus.NotStarted), Violates("progress_backwards"));
        Assert.That(item.Events, Is.Empty);
    }

    // ---- Sign-off ------------------------------------------------------------------------------------------------

    [Test]
    public void RequestSignOff_WhenCompleted_RecordsSignOffRequestedWithTheFirstStep()
    {
        var item = Saved(CompletedItem());

        var request = item.RequestSignOff(Guid.NewGuid(), "整改已完成", [], "县住建局", null, At);

        var requested = OnlyEvent<SignOffRequested>(item);
        Assert.That(requested.Request, Is.EqualTo(request));
        Assert.That(requested.Action, Is.EqualTo("sign_off_requested"));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("signOffStatus", SignOffStatus.None, SignOffStatus.Requested),
            new FieldChange("signOffStep", null, ThreeSteps[0]),
            new FieldChange("request.id", null, request.Id),
            new FieldChange("request.summary", null, "整改已完成"),
            new FieldChange("request.evidence", null, 0),
        }));
    }

    [Test]
    public void RequestSignOff_WhenAlreadyUnderReview_ViolatesSignOffPendingAndRecordsNothing()
    {
        var item = Saved(SignOffRequested());

        Assert.That(() => item.SubmitForSignOff(), Violates("sign_off_pending"));
        Assert.That(item.Events, Is.Empty);
    }

    [Test]
    public void ApproveSignOffStep_WhenNotTheLastStep_RecordsSignOffStepApprovedAndKeepsTheRequestOpen()
    {
        var item = Saved(SignOffRequested());

        var review = item.ApproveSignOffStep(Guid.NewGuid(), item.SignOffStep!, "李四", "同意", null, "县住建局", At);

        var approved = OnlyEvent<SignOffStepApproved>(item);
        Assert.That(approved.Action, Is.EqualTo("sign_off_approved"));
        Assert.That(approved.Review, Is.EqualTo(review));
        Assert.That(approved.ClosedRequest, Is.Null);
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("signOffStep", ThreeSteps[0], ThreeSteps[1]),
            new FieldChange("review.step", null, ThreeSteps[0]),
            new FieldChange("review.reviewerName", null, "李四"),
            new FieldChange("review.comment", null, "同意"),
            new FieldChange("review.documentNumber", null, null),
            new FieldChange("review.itemVersion", null, review.ItemVersion),
        }));
    }

    [Test]
    public void ApproveSignOffStep_WhenTheLastStep_RecordsSignOffStepApprovedThenItemSignedOffAndClosesTheRequestAsApproved()
    {
        var item = CompletedItem();
        var request = item.SubmitForSignOff();
        item.Approve();
        item.Approve();
        Saved(item);

        var review = item.ApproveSignOffStep(Guid.NewGuid(), item.SignOffStep!, "王五", null, "环整办〔2026〕12号", "市整改办", At);

        Assert.That(Types(item), Is.EqualTo(new[] { typeof(SignOffStepApproved), typeof(ItemSignedOff) }));
        var approved = (SignOffStepApproved)item.Events[0].Event;
        var closed = request with { Status = SignOffRequestStatus.Approved, ClosedAt = At };
        Assert.That(approved.Review, Is.EqualTo(review));
        Assert.That(approved.ClosedRequest, Is.EqualTo(closed));
        Assert.That(item.Events[0].Changes.Where(c => !c.Field.StartsWith("review.", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            new FieldChange("signOffStatus", SignOffStatus.Requested, SignOffStatus.SignedOff),
            new FieldChange("signOffStep", ThreeSteps[2], null),
        }));
        Assert.That(item.Events[0].Changes, Does.Contain(new FieldChange("review.documentNumber", null, "环整办〔2026〕12号")));
        Assert.That(item.Events[1].Event, Is.EqualTo(new ItemSignedOff(closed, At)));
        Assert.That(item.Events[1].Event.Action, Is.EqualTo("signed_off"));
        Assert.That(item.Events[1].Changes, Is.EqualTo(new[] { new FieldChange("request.id", null, request.Id) }));
    }

    [Test]
    public void ApproveSignOffStep_WhenNothingUnderReview_ViolatesNoPendingSignOffAndRecordsNothing()
    {
        var item = Saved(SignedOff());

        Assert.That(() => item.Approve(), Violates("no_pending_sign_off"));
        Assert.That(item.Events, Is.Empty);
    }

    [Test]
    public void ReturnSignOff_WhenUnderReview_RecordsSignOffReturnedAndClosesTheRequestAsReturned()
    {
        var item = CompletedItem();
        var request = item.SubmitForSignOff();
        item.Approve();
        Saved(item);

        var review = item.ReturnSignOff(Guid.NewGuid(), item.SignOffStep!, "王五", "缺少检测报告", "市整改办", At);

        var returned = OnlyEvent<SignOffReturned>(item);
        Assert.That(returned.Action, Is.EqualTo("sign_off_returned"));
        Assert.That(returned.Review, Is.EqualTo(review));
        Assert.That(returned.ClosedRequest, Is.EqualTo(request with { Status = SignOffRequestStatus.Returned, ClosedAt = At }));
        Assert.That(item.Events[0].Changes.Where(c => !c.Field.StartsWith("review.", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            new FieldChange("signOffStatus", SignOffStatus.Requested, SignOffStatus.Returned),
            new FieldChange("signOffStep", ThreeSteps[1], null),
        }));
        Assert.That(item.Events[0].Changes, Does.Contain(new FieldChange("review.comment", null, "缺少检测报告")));
    }

    // ---- Recurrence ----------------------------------------------------------------------------------------------

    [Test]
    public void RecordRecurrence_WhenUnderReview_RecordsItemRecurredAndClosesTheRequestAsReturned()
    {
        var item = CompletedItem();
        var request = item.SubmitForSignOff();
        Saved(item);
        var newDue = new DateOnly(2026, 12, 31);

        var recurrence = item.Recur(newDue, At);

        var recurred = OnlyEvent<ItemRecurred>(item);
        Assert.That(recurred.Action, Is.EqualTo("recurrence_recorded"));
        Assert.That(recurred.Recurrence, Is.EqualTo(recurrence));
        Assert.That(recurred.ClosedRequest, Is.EqualTo(request with { Status = SignOffRequestStatus.Returned, ClosedAt = At }));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("dueDate", Due, newDue),
            new FieldChange("progressStatus", ProgressStatus.Completed, ProgressStatus.InProgress),
            new FieldChange("signOffStatus", SignOffStatus.Requested, SignOffStatus.None),
            new FieldChange("signOffStep", ThreeSteps[0], null),
            new FieldChange("recurrenceCount", 0, 1),
            new FieldChange("recurrence.id", null, recurrence.Id),
            new FieldChange("recurrence.detectedOn", null, recurrence.DetectedOn),
            new FieldChange("recurrence.detectedBy", null, recurrence.DetectedBy),
            new FieldChange("recurrence.description", null, recurrence.Description),
        }));
    }

    [TestCase(SignOffStatus.None)]
    [TestCase(SignOffStatus.Returned)]
    [TestCase(SignOffStatus.SignedOff)]
    public void RecordRecurrence_WhenNoRequestUnderReview_ClosesNoRequest(SignOffStatus signOff)
    {
        var item = Saved(CompletedWithSignOff(signOff));

        item.Recur(new DateOnly(2026, 12, 31));

        Assert.That(OnlyEvent<ItemRecurred>(item).ClosedRequest, Is.Null);
    }

    [Test]
    public void RecordRecurrence_WhenNotCompleted_ViolatesNotCompletedAndRecordsNothing()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));

        Assert.That(() => item.Recur(new DateOnly(2026, 12, 31)), Violates("not_completed"));
        Assert.That(item.Events, Is.Empty);
    }

    // ---- Extensions ----------------------------------------------------------------------------------------------

    [Test]
    public void RequestExtension_WhenAllowed_RecordsExtensionRequestedWithoutChangingTheItem()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));

        var extension = item.RequestExtension(Guid.NewGuid(), Later, "资金未到位", "县住建局", null, Today, Now);

        var requested = OnlyEvent<ExtensionRequested>(item);
        Assert.That(requested.Action, Is.EqualTo("extension_requested"));
        Assert.That(requested.Extension, Is.SameAs(extension));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("extension.id", null, extension.Id),
            new FieldChange("extension.requestedDueDate", null, Later),
            new FieldChange("extension.reason", null, "资金未到位"),
        }));
    }

    [Test]
    public void RequestExtension_WhenAnotherIsPending_ViolatesExtensionPendingAndRecordsNothing()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        item.AskExtension(Later);
        Saved(item);

        Assert.That(() => item.AskExtension(Later.AddDays(10)), Violates("extension_pending"));
        Assert.That(item.Events, Is.Empty);
        Assert.That(item.Extensions, Has.Count.EqualTo(1));
    }

    [Test]
    public void DecideExtension_WhenApproved_RecordsExtensionApprovedWithTheDueDateChange()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);
        Saved(item);

        item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", "同意", At);

        var approved = OnlyEvent<ExtensionApproved>(item);
        Assert.That(approved.Action, Is.EqualTo("extension_approved"));
        Assert.That(approved.Extension, Is.SameAs(extension));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("dueDate", Due, Later),
            new FieldChange("extension.id", null, extension.Id),
            new FieldChange("extension.reviewerName", null, "市整改办"),
            new FieldChange("extension.comment", null, "同意"),
        }));
    }

    [Test]
    public void DecideExtension_WhenApprovedOnAnItemWithoutByDate_RecordsTheAddedKindToo()
    {
        var item = Item.Create(Guid.NewGuid(), Guid.NewGuid(), ThreeSteps, Content(),
            [new ItemUnit(Guid.NewGuid(), UnitRole.Lead)], [DeadlineKind.Immediate], Due, Now);
        var extension = item.AskExtension(Later);
        Saved(item);

        item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", null, At);

        Assert.That(item.Events.Single().Changes.Where(c => !c.Field.StartsWith("extension.", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            new FieldChange("deadlineKinds", "immediate", "immediate, by_date"),
            new FieldChange("dueDate", Due, Later),
        }));
    }

    [Test]
    public void DecideExtension_WhenRejected_RecordsExtensionRejectedWithoutChangingTheItem()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);
        Saved(item);

        item.DecideExtension(extension, ExtensionStatus.Rejected, "市整改办", "理由不充分", At);

        var rejected = OnlyEvent<ExtensionRejected>(item);
        Assert.That(rejected.Action, Is.EqualTo("extension_rejected"));
        Assert.That(item.Events[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("extension.id", null, extension.Id),
            new FieldChange("extension.reviewerName", null, "市整改办"),
            new FieldChange("extension.comment", null, "理由不充分"),
        }));
    }

    [TestCase(ExtensionStatus.Approved)]
    [TestCase(ExtensionStatus.Rejected)]
    public void DecideExtension_WhenAlreadyDecided_ViolatesExtensionDecidedAndRecordsNothing(ExtensionStatus first)
    {
        var item = AtProgress(ProgressStatus.InProgress);
        var extension = item.AskExtension(Later);
        item.DecideExtension(extension, first, "市整改办", null, Now);
        Saved(item);

        Assert.That(() => item.DecideExtension(extension, ExtensionStatus.Approved, "市整改办", null, At), Violates("extension_decided"));
        Assert.That(item.Events, Is.Empty);
    }

    // ---- Save path -----------------------------------------------------------------------------------------------

    [Test]
    public void StampChanges_WhenAStoredItemRecordedSeveralEvents_BumpsTheVersionOnce()
    {
        var item = Saved(AtProgress(ProgressStatus.BasicallyCompleted));
        item.Report(ProgressStatus.Completed);
        item.SubmitForSignOff();
        Assert.That(item.Events, Has.Count.EqualTo(3));

        var stamped = item.StampChanges(At);

        Assert.That(stamped, Is.True);
        Assert.That(item.Version, Is.EqualTo(2));
        Assert.That(item.UpdatedAt, Is.EqualTo(At));
        Assert.That(item.Events, Has.Count.EqualTo(3));
    }

    [Test]
    public void StampChanges_WhenSavedTwiceWithChanges_BumpsOncePerSave()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));
        item.Report(ProgressStatus.BasicallyCompleted);
        item.StampChanges(At);
        item.MarkSaved();

        item.EditDeadline([DeadlineKind.ByDate], Later);
        item.StampChanges(At.AddDays(1));

        Assert.That(item.Version, Is.EqualTo(3));
        Assert.That(item.UpdatedAt, Is.EqualTo(At.AddDays(1)));
    }

    [Test]
    public void StampChanges_WhenTheItemIsNew_KeepsVersionOne()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        Assert.That(item.Events, Has.Count.GreaterThan(1));

        var stamped = item.StampChanges(At);

        Assert.That(stamped, Is.True);
        Assert.That(item.Version, Is.EqualTo(1));
        Assert.That(item.UpdatedAt, Is.EqualTo(At));
        Assert.That(item.IsNew, Is.True);
    }

    [Test]
    public void StampChanges_WhenNothingHappened_ReturnsFalseAndKeepsVersionAndUpdatedAt()
    {
        var item = Saved(New());
        var updatedAt = item.UpdatedAt;

        var stamped = item.StampChanges(At);

        Assert.That(stamped, Is.False);
        Assert.That(item.Version, Is.EqualTo(1));
        Assert.That(item.UpdatedAt, Is.EqualTo(updatedAt));
    }

    [Test]
    public void MarkSaved_WhenEventsWereRecorded_ClearsThemAndTheItemIsNoLongerNew()
    {
        var item = AtProgress(ProgressStatus.InProgress);
        item.StampChanges(At);

        item.MarkSaved();

        Assert.That(item.Events, Is.Empty);
        Assert.That(item.IsNew, Is.False);
        Assert.That(item.StampChanges(At), Is.False);
    }

    [Test]
    public void MarkSaved_WhenChangedAgain_MeasuresFromTheSavedState()
    {
        var item = Saved(AtProgress(ProgressStatus.InProgress));

        item.EditDeadline([DeadlineKind.ByDate], Later);

        Assert.That(item.Events.Single().Changes, Is.EqualTo(new[] { new FieldChange("dueDate", Due, Later) }));
    }

    [Test]
    public void Events_WhenSeveralRecorded_EachHasItsOwnId()
    {
        var item = AtProgress(ProgressStatus.Completed);

        Assert.That(item.Events.Select(e => e.Id), Is.Unique);
        Assert.That(Types(item), Is.EqualTo(new[]
        {
            typeof(ItemCreated), typeof(MeasureAdded), typeof(MeasureImplemented), typeof(ProgressReported), typeof(ItemCompleted),
        }));
    }
}
