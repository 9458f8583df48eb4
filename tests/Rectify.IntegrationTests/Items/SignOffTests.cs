using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rectify.IntegrationTests.Inspections;
using static Rectify.IntegrationTests.Items.ItemApi;

namespace Rectify.IntegrationTests.Items;

/// <summary>
/// 销号: POST /api/v1/items/{id}/sign-off (request), /sign-off/approve, /sign-off/return and GET /sign-off, walking
/// the inspection's three-step chain 区级验收 → 媒体公示 → 区领导签字.
/// </summary>
public sealed class SignOffTests : ItemTest
{
    private static string SignOffUri(Guid itemId) => $"{ItemUri(itemId)}/sign-off";

    private async Task<Guid> CompletedItemAsync()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ImplementMeasureAsync(itemId, await Admin.AddMeasureAsync(itemId));
        await Admin.ReportProgressAsync(itemId, "completed");
        return itemId;
    }

    private Task<JsonObject> SignOffStateAsync(Guid itemId) => Admin.GetListAsync(SignOffUri(itemId));

    [Test]
    public async Task RequestSignOff_WhenCompleted_Returns200RequestedAtTheFirstStep()
    {
        var itemId = await CompletedItemAsync();
        var (_, etag) = await Admin.GetItemAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(SignOffUri(itemId), new
        {
            summary = "整改措施均已落实，群众满意，申请销号",
            evidence = new[] { new { name = "验收意见.pdf", uri = "https://files.example.cn/ys.pdf", sha256 = new string('b', 64) } },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var state = await response.BodyAsync();
        Assert.That(response.ETag(), Is.EqualTo($"\"{int.Parse(etag.Trim('"')) + 1}\""));
        Assert.That(state["status"].Text(), Is.EqualTo("requested"));
        Assert.That(state["pendingStep"].Text(), Is.EqualTo("区级验收"));
        Assert.That(state["steps"].Strings(), Is.EqualTo(Steps));
        Assert.That(state["currentRequest"]!["round"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(state["currentRequest"]!["status"].Text(), Is.EqualTo("pending"));
        Assert.That(state["currentRequest"]!["summary"].Text(), Is.EqualTo("整改措施均已落实，群众满意，申请销号"));
        Assert.That(state["currentRequest"]!["evidence"]![0]!["name"].Text(), Is.EqualTo("验收意见.pdf"));
        Assert.That(state["reviews"]!.AsArray(), Is.Empty);
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("requested"));
        Assert.That(item["signOffStep"].Text(), Is.EqualTo("区级验收"));
    }

    [Test]
    public async Task RequestSignOff_WhenNotCompleted_Returns409AndChangesNothing()
    {
        var itemId = await NewItemIdAsync();
        await Admin.ReportProgressAsync(itemId, "basically_completed");
        var (_, etag) = await Admin.GetItemAsync(itemId);
        var history = await Admin.ActionsAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(SignOffUri(itemId), new { summary = "申请销号" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("not_completed"));
        var (item, etagAfter) = await Admin.GetItemAsync(itemId);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("none"));
        Assert.That(etagAfter, Is.EqualTo(etag));
        Assert.That((await SignOffStateAsync(itemId))["requests"]!.AsArray(), Is.Empty);
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(history));
    }

    [Test]
    public async Task RequestSignOff_WhenAlreadyPending_Returns409()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Admin.PostAsJsonAsync(SignOffUri(itemId), new { summary = "再次申请" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("sign_off_pending"));
        Assert.That((await SignOffStateAsync(itemId))["requests"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RequestSignOff_WhenSummaryMissing_Returns400KeyedSummary()
    {
        var itemId = await CompletedItemAsync();

        using var response = await Admin.PostAsJsonAsync(SignOffUri(itemId), new { evidence = Array.Empty<object>() });

        await response.ValidationProblemAsync("summary");
        Assert.That((await Admin.GetItemAsync(itemId)).Body["signOffStatus"].Text(), Is.EqualTo("none"));
    }

    [Test]
    public async Task RequestSignOff_WhenEvidenceUriBad_Returns400KeyedByIt()
    {
        var itemId = await CompletedItemAsync();

        using var response = await Admin.PostAsJsonAsync(SignOffUri(itemId),
            new { summary = "申请销号", evidence = new[] { new { name = "材料", uri = "材料.pdf" } } });

        await response.ValidationProblemAsync("evidence[0].uri");
    }

    [Test]
    public async Task ApproveSignOff_ThroughEveryStep_SignsTheItemOffAndRecordsEachReview()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        var approvals = new[]
        {
            (Reviewer: "区生态环境局 张科长", Comment: "现场核查属实", Document: "区验〔2026〕3号"),
            (Reviewer: "区融媒体中心 刘编辑", Comment: "公示7日无异议", Document: "公示〔2026〕9号"),
            (Reviewer: "副区长 陈某", Comment: "同意销号", Document: "区府签〔2026〕1号"),
        };
        var versions = new List<int>();
        var pendingAfter = new List<string?>();

        for (var i = 0; i < approvals.Length; i++)
        {
            App.Clock.Now = Start.AddDays(i + 1);
            var (_, etag) = await Admin.GetItemAsync(itemId);
            versions.Add(int.Parse(etag.Trim('"')));
            var state = await Reviewer.ApproveSignOffAsync(itemId, approvals[i].Reviewer, approvals[i].Comment, approvals[i].Document);
            pendingAfter.Add(state["pendingStep"]?.GetValue<string>());
        }

        Assert.That(pendingAfter, Is.EqualTo(new[] { "媒体公示", "区领导签字", null }));
        var final = await SignOffStateAsync(itemId);
        Assert.That(final["status"].Text(), Is.EqualTo("signed_off"));
        Assert.That(final["signedOffAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start.AddDays(3)));
        Assert.That(final["currentRequest"]!["status"].Text(), Is.EqualTo("approved"));
        var reviews = final["reviews"]!.AsArray();
        Assert.That(reviews, Has.Count.EqualTo(3));
        for (var i = 0; i < 3; i++)
        {
            var review = reviews[i]!;
            Assert.That(review["stepIndex"]!.GetValue<int>(), Is.EqualTo(i));
            Assert.That(review["stepName"].Text(), Is.EqualTo(Steps[i]));
            Assert.That(review["decision"].Text(), Is.EqualTo("approved"));
            Assert.That(review["reviewerName"].Text(), Is.EqualTo(approvals[i].Reviewer));
            Assert.That(review["comment"].Text(), Is.EqualTo(approvals[i].Comment));
            Assert.That(review["documentNumber"].Text(), Is.EqualTo(approvals[i].Document));
            Assert.That(review["itemVersion"]!.GetValue<int>(), Is.EqualTo(versions[i]));
            Assert.That(review["reviewedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start.AddDays(i + 1)));
            Assert.That(review["requestId"]!.GetValue<Guid>(), Is.EqualTo(final["currentRequest"]!["id"]!.GetValue<Guid>()));
        }
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("signed_off"));
        Assert.That(item["signOffStep"], Is.Null);
        Assert.That(item["signedOffAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Start.AddDays(3)));
        Assert.That(item["progressStatus"].Text(), Is.EqualTo("completed"));
    }

    [Test]
    public async Task ApproveSignOff_BeforeTheLastStep_LeavesTheItemRequestedAtTheNextStep()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        await Reviewer.ApproveSignOffAsync(itemId);

        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("requested"));
        Assert.That(item["signOffStep"].Text(), Is.EqualTo("媒体公示"));
        Assert.That(item["signedOffAt"], Is.Null);
    }

    [Test]
    public async Task ReturnSignOff_WithAReason_ReturnsItAndASecondRequestStartsRoundTwo()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        await Reviewer.ApproveSignOffAsync(itemId, "张科长", "属实", "区验〔2026〕3号");

        var returned = await Reviewer.PostExpectingAsync($"{SignOffUri(itemId)}/return",
            new { step = "媒体公示", reviewerName = "刘编辑", reason = "公示期内收到群众反映，需补充说明" }, HttpStatusCode.OK);

        Assert.That(returned["status"].Text(), Is.EqualTo("returned"));
        Assert.That(returned["pendingStep"], Is.Null);
        Assert.That(returned["currentRequest"]!["status"].Text(), Is.EqualTo("returned"));
        var (item, _) = await Admin.GetItemAsync(itemId);
        Assert.That(item["signOffStatus"].Text(), Is.EqualTo("returned"));

        var second = await Admin.RequestSignOffAsync(itemId);

        Assert.That(second["status"].Text(), Is.EqualTo("requested"));
        Assert.That(second["pendingStep"].Text(), Is.EqualTo("区级验收"));
        Assert.That(second["currentRequest"]!["round"]!.GetValue<int>(), Is.EqualTo(2));
        var state = await SignOffStateAsync(itemId);
        var requests = state["requests"]!.AsArray();
        Assert.That(requests.Select(r => r!["round"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(requests.Select(r => r!["status"].Text()), Is.EqualTo(new[] { "returned", "pending" }));
        var reviews = state["reviews"]!.AsArray();
        Assert.That(reviews.Select(r => r!["decision"].Text()), Is.EqualTo(new[] { "approved", "returned" }));
        Assert.That(reviews[1]!["stepName"].Text(), Is.EqualTo("媒体公示"));
        Assert.That(reviews[1]!["reviewerName"].Text(), Is.EqualTo("刘编辑"));
        Assert.That(reviews[1]!["comment"].Text(), Is.EqualTo("公示期内收到群众反映，需补充说明"));
        Assert.That(reviews.Select(r => r!["requestId"]!.GetValue<Guid>()), Is.All.EqualTo(IdOf(requests[0])));
    }

    [Test]
    public async Task SecondRound_ApprovedThroughTheChain_SignsOffAndKeepsTheFirstRoundInTheTrail()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        await Reviewer.PostExpectingAsync($"{SignOffUri(itemId)}/return", new { step = "区级验收", reviewerName = "张科长", reason = "材料不全" },
            HttpStatusCode.OK);
        await Admin.RequestSignOffAsync(itemId);

        for (var i = 0; i < Steps.Length; i++)
            await Reviewer.ApproveSignOffAsync(itemId, $"审核人{i}");

        var state = await SignOffStateAsync(itemId);
        Assert.That(state["status"].Text(), Is.EqualTo("signed_off"));
        Assert.That(state["requests"]!.AsArray().Select(r => r!["status"].Text()), Is.EqualTo(new[] { "returned", "approved" }));
        Assert.That(state["reviews"]!.AsArray().Select(r => r!["stepName"].Text()),
            Is.EqualTo(new[] { "区级验收", "区级验收", "媒体公示", "区领导签字" }));
        Assert.That(state["reviews"]!.AsArray().Select(r => r!["decision"].Text()),
            Is.EqualTo(new[] { "returned", "approved", "approved", "approved" }));
    }

    [Test]
    public async Task ReturnSignOff_WithoutAReason_Returns400KeyedReasonAndLeavesTheRequestPending()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/return", new { step = "区级验收", reviewerName = "刘编辑", reason = "" });

        await response.ValidationProblemAsync("reason");
        var state = await SignOffStateAsync(itemId);
        Assert.That(state["status"].Text(), Is.EqualTo("requested"));
        Assert.That(state["reviews"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ApproveSignOff_WithoutReviewerName_Returns400KeyedReviewerName()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { step = "区级验收", comment = "同意" });

        await response.ValidationProblemAsync("reviewerName");
        Assert.That((await SignOffStateAsync(itemId))["pendingStep"].Text(), Is.EqualTo("区级验收"));
    }

    [Test]
    public async Task ApproveSignOff_WithNothingPending_Returns409AndChangesNothing()
    {
        var itemId = await CompletedItemAsync();
        var (_, etag) = await Admin.GetItemAsync(itemId);
        var history = await Admin.ActionsAsync(itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { step = "区级验收", reviewerName = "王五", comment = "同意" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("no_pending_sign_off"));
        Assert.That((await Admin.GetItemAsync(itemId)).ETag, Is.EqualTo(etag));
        Assert.That((await SignOffStateAsync(itemId))["reviews"]!.AsArray(), Is.Empty);
        Assert.That(await Admin.ActionsAsync(itemId), Is.EqualTo(history));
    }

    [Test]
    public async Task ApproveSignOff_RetriedAfterTheLastStepSignedOff_Returns409StepAlreadyDecided()
    {
        var itemId = await NewItemIdAsync();
        await Admin.SignOffAsync(Reviewer, itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { step = Steps[^1], reviewerName = "王五" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("step_already_decided"));
        Assert.That((await SignOffStateAsync(itemId))["reviews"]!.AsArray(), Has.Count.EqualTo(Steps.Length));
    }

    [Test]
    public async Task RequestSignOff_WhenAlreadySignedOff_Returns409AndOpensNoNewRound()
    {
        var itemId = await NewItemIdAsync();
        await Admin.SignOffAsync(Reviewer, itemId);

        using var response = await Admin.PostAsJsonAsync(SignOffUri(itemId), new { summary = "再次申请" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("signed_off"));
        var state = await SignOffStateAsync(itemId);
        Assert.That(state["status"].Text(), Is.EqualTo("signed_off"));
        Assert.That(state["requests"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ReturnSignOff_WithNothingPending_Returns409()
    {
        var itemId = await CompletedItemAsync();

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/return", new { step = "区级验收", reviewerName = "王五", reason = "材料不全" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("no_pending_sign_off"));
    }

    [Test]
    public async Task ApproveSignOff_WithoutReviewScope_Returns403AndLeavesTheStepPending()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        using var reporter = await App.WithScopesAsync(["read", "write", "report"]);

        using var response = await reporter.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { step = "区级验收", reviewerName = "王五" });

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await SignOffStateAsync(itemId))["pendingStep"].Text(), Is.EqualTo("区级验收"));
    }

    [Test]
    public async Task ReportProgressBackwards_WhileSignOffPending_Returns409()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Admin.PostAsJsonAsync($"{ItemUri(itemId)}/progress",
            new { reportedOn = "2026-03-15", summary = "返工", progressStatus = "in_progress" });

        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That((await Admin.GetItemAsync(itemId)).Body["progressStatus"].Text(), Is.EqualTo("completed"));
    }

    [Test]
    public async Task GetSignOff_BeforeAnyRequest_ShowsTheChainAndNoRequest()
    {
        var itemId = await NewItemIdAsync();

        using var response = await Admin.GetAsync(SignOffUri(itemId));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.ETag(), Is.EqualTo("\"1\""));
        var state = await response.BodyAsync();
        Assert.That(state["status"].Text(), Is.EqualTo("none"));
        Assert.That(state["steps"].Strings(), Is.EqualTo(Steps));
        Assert.That(state["currentRequest"], Is.Null);
        Assert.That(state["requests"]!.AsArray(), Is.Empty);
        Assert.That(state["reviews"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task GetSignOff_WhenItemUnknown_Returns404()
    {
        using var response = await Admin.GetAsync(SignOffUri(Guid.NewGuid()));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task UpdateInspection_WhenAnItemIsUnderReview_RefusesToChangeTheChainAndTheReviewGoesOn()
    {
        var inspection = await Admin.CreateInspectionAsync("链条将被修改的督察", signOffSteps: Steps);
        var itemId = IdOf(await Admin.CreateItemAsync(Body(inspectionId: InspectionApi.InspectionId(inspection))));
        await Admin.CompleteAsync(itemId);
        await Admin.RequestSignOffAsync(itemId);
        await Reviewer.ApproveSignOffAsync(itemId);
        await Reviewer.ApproveSignOffAsync(itemId);

        using (var patched = await Admin.PatchJsonAsync(InspectionApi.InspectionUri(inspection), new { signOffSteps = new[] { "市整改办销号" } }, "*"))
        {
            var problem = await patched.ProblemAsync(HttpStatusCode.Conflict);
            Assert.That(problem["rule"].Text(), Is.EqualTo("sign_off_under_review"));
        }
        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { step = Steps[2], reviewerName = "王五" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var reviews = (await SignOffStateAsync(itemId))["reviews"]!.AsArray().Select(r => r!["stepName"].Text()).ToList();
        Assert.That(reviews, Is.EqualTo(Steps));
    }

    [Test]
    public async Task ApproveSignOff_TwoIdenticalApprovalsAtOnce_OneApprovesTheStepTheOtherIs409AndTheChainMovesOneStep()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        var body = new { step = Steps[0], reviewerName = "张科长", comment = "属实", documentNumber = "区验〔2026〕3号" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", body);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.That(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Body, Does.Contain("step_already_decided"));
        var state = await SignOffStateAsync(itemId);
        Assert.That(state["pendingStep"].Text(), Is.EqualTo(Steps[1]));
        Assert.That(state["reviews"]!.AsArray().Select(r => r!["stepName"].Text()), Is.EqualTo(new[] { Steps[0] }));
    }

    [Test]
    public async Task ApproveSignOff_NamingALaterStep_Returns409StepMismatchAndApprovesNothing()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { step = Steps[1], reviewerName = "王五" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["rule"].Text(), Is.EqualTo("step_mismatch"));
        Assert.That(problem["pendingStep"].Text(), Is.EqualTo(Steps[0]));
        Assert.That((await SignOffStateAsync(itemId))["reviews"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task ApproveSignOff_WithoutStep_Returns400KeyedStep()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);

        using var response = await Reviewer.PostAsJsonAsync($"{SignOffUri(itemId)}/approve", new { reviewerName = "王五" });

        await response.ValidationProblemAsync("step");
        Assert.That((await SignOffStateAsync(itemId))["pendingStep"].Text(), Is.EqualTo(Steps[0]));
    }

    [Test]
    public async Task ReturnSignOff_WithAStaleIfMatch_Returns412AndLeavesTheRequestPending()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        var (_, etag) = await Admin.GetItemAsync(itemId);
        await Reviewer.ApproveSignOffAsync(itemId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{SignOffUri(itemId)}/return")
        {
            Content = JsonContent.Create(new { step = Steps[1], reviewerName = "刘编辑", reason = "材料不全" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        using var response = await Reviewer.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed);
        var state = await SignOffStateAsync(itemId);
        Assert.That((state["status"].Text(), state["pendingStep"].Text()), Is.EqualTo(("requested", Steps[1])));
    }

    [Test]
    public async Task ApproveSignOff_WithTheCurrentIfMatch_Approves()
    {
        var itemId = await CompletedItemAsync();
        await Admin.RequestSignOffAsync(itemId);
        var (_, etag) = await Admin.GetItemAsync(itemId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{SignOffUri(itemId)}/approve")
        {
            Content = JsonContent.Create(new { step = Steps[0], reviewerName = "张科长" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        using var response = await Reviewer.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await SignOffStateAsync(itemId))["pendingStep"].Text(), Is.EqualTo(Steps[1]));
    }
}
