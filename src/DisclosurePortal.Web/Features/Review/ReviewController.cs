using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Review;

/// <summary>
/// The disclosure office's publication queue (domain README §4): every submitted version gets the three reviews —
/// 保密审查, 合法性审查, 公开属性审查 — recorded with reviewer, time, outcome and comment, and is then published,
/// returned with a comment, or marked 不予公开 with a reason.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewController(PortalDbContext db, MarkdownRenderer markdown, AuditTrail audit, TimeProvider clock) : PortalController
{
    private const int PageSize = 30;

    [HttpGet("/review")]
    public async Task<IActionResult> Index(int? department, string? domain, RecordKind? kind, string? stage, string? page, CancellationToken ct)
    {
        if (!TryPage(page, out var pageNumber, out var problem)) return problem!;
        ReviewStep? step = null;
        if (!string.IsNullOrEmpty(stage))
        {
            step = ReviewStages.Parse(stage);
            if (step is null) return BadInput("审查环节筛选条件无效。");
        }
        if (kind is { } k && !Enum.IsDefined(k)) return BadInput("信息类别筛选条件无效。");
        var domainId = domain is null ? (int?)null : await db.Domains.Where(d => d.Code == domain).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (domain is not null && domainId is null) return BadInput("领域筛选条件无效。");

        var submitted = db.RecordVersions.Where(v => v.State == VersionState.Submitted);
        if (department is { } dep) submitted = submitted.Where(v => v.DepartmentId == dep);
        if (domainId is { } dom) submitted = submitted.Where(v => v.DomainId == dom);
        if (kind is { } kk) submitted = submitted.Where(v => v.Kind == kk);
        var rows = await (
            from v in submitted
            join r in db.Records on v.RecordId equals r.Id
            join d in db.Departments on v.DepartmentId equals d.Id
            join dm in db.Domains on v.DomainId equals dm.Id
            select new { v.Id, v.RecordId, v.Title, v.Number, v.Kind, v.SubmittedAt, r.IndexNumber, Department = d.Name, DomainZh = dm.NameZh, DomainEn = dm.NameEn }).ToListAsync(ct);

        if (step is { } only)
        {
            // The versions still waiting for this review (the latest decision per step counts, as at publication).
            var ids = rows.Select(r => r.Id).ToList();
            var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.RecordVersionId)).ToListAsync(ct);
            rows = rows.Where(r => Reviews.Missing(r.Id, decisions).Contains(only)).ToList();
        }

        // Oldest first. The queue is small (what awaits review now), and SQLite cannot order by an instant, so it is
        // ordered here rather than in SQL.
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var today = clock.Today();
        var ordered = rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new QueueRow(r.Id, r.RecordId, r.Title, r.Number, r.Kind, r.IndexNumber, r.Department, Localization.Pick(r.DomainZh, r.DomainEn), r.SubmittedAt!.Value,
                calendar.WorkingDaysBetween(DateOnly.FromDateTime(r.SubmittedAt.Value.ToChina().DateTime), today)))
            .ToList();
        var info = new PageInfo(pageNumber, PageSize, ordered.Count);
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);

        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new Option(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name)).ToListAsync(ct);
        var domains = await db.Domains.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.NameZh, d.NameEn }).ToListAsync(ct);
        return View(new QueueModel(ordered.Skip(info.Skip).Take(PageSize).ToList(), info, department, domain, kind, departments, domains.Select(d => new Option(d.Code, Localization.Pick(d.NameZh, d.NameEn))).ToList()) { Stage = step });
    }

    [HttpGet("/review/versions/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var model = await LoadAsync(id, new ReviewForm(), ct);
        return model is null ? NotFoundPage("没有找到该版本。") : View(model);
    }

    [HttpPost("/review/versions/{id:int}")]
    public async Task<IActionResult> Decide(int id, ReviewForm form, CancellationToken ct)
    {
        var version = await db.RecordVersions.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return NotFoundPage("没有找到该版本。");
        if (version.State != VersionState.Submitted)
            return Refused(id, $"该版本当前状态为“{VersionWorkflow.Describe(version.State)}”，不在审核队列中。");
        if (version.Version != form.Version)
            return Refused(id, "该版本在您审核期间已发生变化，请重新打开后审核。");

        Validate(form);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await LoadAsync(id, form, ct));
        }

        var now = clock.GetUtcNow();
        var reviewer = User.DisplayName();
        var decisions = form.Decisions(version.Id, reviewer, User.UserId(), now).ToList();
        db.ReviewDecisions.AddRange(decisions);
        try
        {
            switch (form.Decision)
            {
                case "approve":
                    // A policy interpretation goes public only beside a published policy (it may have been withdrawn since).
                    if (version.Kind == RecordKind.PolicyInterpretation)
                        PolicyInterpretations.EnsureNamesAPublishedPolicy(await InterpretationQueries.PublishedPolicyCountAsync(db, version.Id, ct));
                    var previous = await db.RecordVersions.FirstOrDefaultAsync(v => v.RecordId == version.RecordId && v.IsPublished, ct);
                    var earlier = await db.ReviewDecisions.Where(d => d.RecordVersionId == version.Id).ToListAsync(ct);
                    // The superseded row has the lower id, so EF writes it first: the one-published index never sees two.
                    version.Approve(earlier.Concat(decisions), previous, clock.Today(), now);
                    audit.Record(User, "record.publish", "Record", version.RecordId,
                        $"待审核 → 已发布（第{version.Number}版{(previous is null ? "" : $"，替代第{previous.Number}版")}）");
                    break;
                case "return":
                    version.Return(form.Comment!, now);
                    audit.Record(User, "record.return", "Record", version.RecordId, $"待审核 → 退回修改（第{version.Number}版）：{form.Comment}");
                    break;
                case "withhold":
                    version.Withhold(form.Comment!, now);
                    audit.Record(User, "record.withhold", "Record", version.RecordId, $"待审核 → 不予公开（第{version.Number}版）：{form.Comment}");
                    break;
            }
            db.Entry(version).Property(v => v.Version).OriginalValue = form.Version;
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            return Refused(id, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(id, "该版本在您审核期间已被他人处理，请返回队列查看。");
        }
        switch (form.Decision)
        {
            case "approve": Flash("已审核通过并发布，网站上已可查看。"); break;
            case "return": Flash("已退回，编辑将看到您的意见。"); break;
            default: Flash("已标记为不予公开，并列入定期重新评估清单。"); break;
        }
        return Redirect("/review");
    }

    /// <summary>撤回已发布的信息 (with a reason); it leaves the public pages at once.</summary>
    [HttpPost("/review/records/{recordId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int recordId, string? reason, CancellationToken ct)
    {
        var published = await db.RecordVersions.FirstOrDefaultAsync(v => v.RecordId == recordId && v.IsPublished, ct);
        if (published is null) return NotFoundPage("该信息没有已发布的版本。");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000) // control characters: TypedTextFilter
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Problem", new ProblemModel(400, "请求有误", "撤回须说明理由（不超过1000字）。", []) { BackLink = $"/manage/records/{recordId}" });
        }
        published.Withdraw(reason, clock.GetUtcNow());
        audit.Record(User, "record.withdraw", "Record", recordId, $"已发布 → 已撤回（第{published.Number}版）：{reason.Trim()}");
        await db.SaveChangesAsync(ct);
        Flash("已撤回，网站上不再显示该信息。");
        return Redirect($"/manage/records/{recordId}");
    }

    /// <summary>不予公开的信息 (domain README §4): listed for periodic re-evaluation.</summary>
    [HttpGet("/review/withheld")]
    public async Task<IActionResult> Withheld(CancellationToken ct)
    {
        var rows = await (
            from v in db.RecordVersions.Where(v => v.State == VersionState.Withheld)
            join d in db.Departments on v.DepartmentId equals d.Id
            orderby v.Id
            select new WithheldRow(v.Id, v.RecordId, v.Title, d.Name, v.NonDisclosureReason, v.UpdatedAt)).ToListAsync(ct);
        return View(rows);
    }

    [HttpPost("/review/versions/{id:int}/reconsider")]
    public async Task<IActionResult> Reconsider(int id, string? reason, CancellationToken ct)
    {
        var version = await db.RecordVersions.FirstOrDefaultAsync(v => v.Id == id && v.State == VersionState.Withheld, ct);
        if (version is null) return NotFoundPage("没有找到该不予公开的版本。");
        // The reason becomes RecordVersion.ReturnReason (1000).
        if (reason is { Length: > 1000 }) // control characters: TypedTextFilter
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Problem", new ProblemModel(400, "请求有误", "重新评估的理由不能超过1000字。", []) { BackLink = "/review/withheld" });
        }
        try
        {
            version.Reconsider(reason ?? string.Empty, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Problem", new ProblemModel(400, "请求有误", ex.Message, []) { BackLink = "/review/withheld" });
        }
        audit.Record(User, "record.reconsider", "Record", version.RecordId, $"不予公开 → 草稿（重新评估）：{reason}");
        await db.SaveChangesAsync(ct);
        Flash("已退回编辑部门，可按公开信息重新提交。");
        return Redirect("/review/withheld");
    }

    private void Validate(ReviewForm form)
    {
        if (form.Decision is not ("approve" or "return" or "withhold"))
            ModelState.AddModelError(nameof(ReviewForm.Decision), "请选择审核结论。");
        foreach (var (field, outcome, comment) in form.Steps())
        {
            if (outcome is { } o && !Enum.IsDefined(o)) ModelState.AddModelError(field, "审查结论无效。");
            if (outcome is ReviewOutcome.Returned or ReviewOutcome.Withheld && string.IsNullOrWhiteSpace(comment) && string.IsNullOrWhiteSpace(form.Comment))
                ModelState.AddModelError(field, "未通过的审查须填写意见。");
            if (comment is { Length: > 2000 }) ModelState.AddModelError(field, "意见不能超过2000字。");
        }
        if (form.Decision == "approve")
        {
            foreach (var (field, outcome, _) in form.Steps())
                if (outcome != ReviewOutcome.Passed) ModelState.AddModelError(field, "发布前本项审查须为“通过”。");
        }
        if (form.Decision is "return" or "withhold" && string.IsNullOrWhiteSpace(form.Comment))
            ModelState.AddModelError(nameof(ReviewForm.Comment), form.Decision == "return" ? "退回须填写修改意见，编辑将看到它。" : "不予公开须说明理由。");
        if (form.Comment is { Length: > 1000 }) ModelState.AddModelError(nameof(ReviewForm.Comment), "意见不能超过1000字。");
        // 不予公开的理由 is stored as RecordVersion.NonDisclosureReason (500); more would fail the save on PostgreSQL.
        else if (form.Decision == "withhold" && form.Comment is { Length: > 500 }) ModelState.AddModelError(nameof(ReviewForm.Comment), "不予公开的理由不能超过500字。");
    }

    private async Task<ReviewPageModel?> LoadAsync(int id, ReviewForm form, CancellationToken ct)
    {
        var version = await db.RecordVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (version is null) return null;
        if (form.Version == 0) form.Version = version.Version;
        var record = await db.Records.AsNoTracking().SingleAsync(r => r.Id == version.RecordId, ct);
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == version.DepartmentId).Select(d => d.Name).SingleAsync(ct);
        var item = await db.CatalogueItems.AsNoTracking().SingleAsync(i => i.Id == version.CatalogueItemId, ct);
        var published = await db.RecordVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RecordId == version.RecordId && v.IsPublished, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var interpretation = version.Kind == RecordKind.PolicyInterpretation
            ? new InterpretationDetails(await InterpretationQueries.PoliciesOfVersionAsync(db, id, ct), await InterpretationQueries.QuestionsAsync(db, id, ct))
            : null;
        return new ReviewPageModel(version, record, department, item, published, attachments, markdown.Render(version.Body), form)
        {
            Interpretation = interpretation,
        };
    }

    private IActionResult Refused(int id, string message)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Problem", new ProblemModel(409, "操作未能完成", message, []) { BackLink = $"/review/versions/{id}" });
    }
}

/// <summary>The review steps as the queue's <c>stage</c> filter spells them.</summary>
public static class ReviewStages
{
    public static string Code(ReviewStep step) => step switch
    {
        ReviewStep.Confidentiality => "confidentiality",
        ReviewStep.Legality => "legality",
        ReviewStep.DisclosureAttribute => "disclosure-attribute",
        _ => step.ToString(),
    };

    /// <summary>One of the three required steps, or null.</summary>
    public static ReviewStep? Parse(string code) => Reviews.Required.Cast<ReviewStep?>().FirstOrDefault(s => Code(s!.Value) == code);
}
