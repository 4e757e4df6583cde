using System.Globalization;
using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>
/// The office prepares the annual report (条例 Arts. 49–50): Table 三 and the record-based rows of Table 二 computed live,
/// the other figures and sections 一, 五, 六 entered by hand.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class AnnualReportsOfficeController(PortalDbContext db, AuditTrail audit, TimeProvider clock) : PortalController
{
    /// <summary>The views live with the public ones in this feature's folder.</summary>
    private const string Views = "~/Features/AnnualReports/Views/";

    [HttpGet("/reports/annual")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var reports = await db.AnnualReports.AsNoTracking().OrderByDescending(r => r.Year)
            .Select(r => new OfficeReportRow(r.Year, r.State, r.UpdatedAt, r.PublishedAt)).ToListAsync(ct);
        // 条例 Art. 49: due by 31 January for the year before, so last year is the one to prepare.
        var due = clock.Today().Year - 1;
        return View(Views + "Office.cshtml", new OfficeIndexModel(reports, reports.Any(r => r.Year == due) ? null : due));
    }

    [HttpGet("/reports/annual/{year}")]
    public async Task<IActionResult> Draft(string year, CancellationToken ct)
    {
        if (!TryYear(year, out var y)) return BadYear();
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == y, ct);
        return View(Views + "Draft.cshtml", await PageAsync(y, report, AnnualDraftForm.From(report), ct));
    }

    [HttpPost("/reports/annual/{year}")]
    public async Task<IActionResult> Save(string year, AnnualDraftForm form, CancellationToken ct)
    {
        if (!TryYear(year, out var y)) return BadYear();
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Year == y, ct);
        if (!ModelState.IsValid) return await Refused(StatusCodes.Status400BadRequest);
        var now = clock.GetUtcNow();
        var isNew = report is null;
        report ??= db.AnnualReports.Add(new AnnualReport(y, now)).Entity;
        if (!isNew) db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
        else if (form.Version != 0) return await Conflict();
        try
        {
            report.SaveDraft(form.Overview, form.Problems, form.OtherMatters, form.ToFigures(), now);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await Refused(StatusCodes.Status400BadRequest);
        }
        catch (DbUpdateException) // a concurrent save, or a second first save of the same year
        {
            return await Conflict();
        }
        audit.Record(User, "annual-report.save", "AnnualReport", report.Id, $"保存{y}年度报告草稿");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = "已保存年度报告草稿。";
        return Redirect($"/reports/annual/{y}");

        async Task<IActionResult> Conflict()
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, "该年度报告已被他人修改，请刷新后重新填写。");
            return await Refused(StatusCodes.Status409Conflict);
        }

        async Task<IActionResult> Refused(int status)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = status;
            var current = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == y, ct);
            return View(Views + "Draft.cshtml", await PageAsync(y, current, form, ct));
        }
    }

    /// <summary>报送审核.</summary>
    [HttpPost("/reports/annual/{year}/submit")]
    public Task<IActionResult> Submit(string year, int version, CancellationToken ct) =>
        ActAsync(year, version, "annual-report.submit", "已提交审核，请由另一位审核员发布。", (r, now) => r.Submit(User.UserId() ?? string.Empty, User.DisplayName(), now), ct);

    /// <summary>退回修改.</summary>
    [HttpPost("/reports/annual/{year}/return")]
    public Task<IActionResult> Return(string year, int version, [MultiLine] string? comment, CancellationToken ct) =>
        ActAsync(year, version, "annual-report.return", "已退回修改。", (r, now) => r.Return(User.UserId() ?? string.Empty, comment, now), ct, typedComment: comment);

    /// <summary>发布: the numbers are computed once more and frozen with the report.</summary>
    [HttpPost("/reports/annual/{year}/publish")]
    public async Task<IActionResult> Publish(string year, int version, CancellationToken ct)
    {
        if (!TryYear(year, out var y)) return BadYear();
        var figures = (await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == y, ct))?.Figures() ?? new ManualFigures();
        var tables = await AnnualReportQueries.ComputeAsync(db, y, figures, ct);
        if (tables.Inconsistencies.Count > 0)
            return await ActAsync(year, version, "annual-report.publish", "", (_, _) => throw new DomainException("表三数据不符合勾稽关系，不能发布。"), ct);
        return await ActAsync(year, version, "annual-report.publish", "年度报告已发布。", (r, now) => r.Publish(User.UserId() ?? string.Empty, User.DisplayName(), tables, now), ct);
    }

    /// <param name="typedComment">The return comment as typed: a refused return shows it again, it is not lost.</param>
    private async Task<IActionResult> ActAsync(string year, int version, string action, string flash, Action<AnnualReport, DateTimeOffset> act, CancellationToken ct,
        string? typedComment = null)
    {
        if (!TryYear(year, out var y)) return BadYear();
        var report = await db.AnnualReports.SingleOrDefaultAsync(r => r.Year == y, ct);
        if (report is null) return NotFoundPage("{0}年度报告尚未编制。", y);
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        int status;
        try
        {
            act(report, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            audit.Record(User, action, "AnnualReport", report.Id, $"{y}年度报告：{ReportStates.Describe(report.State)}");
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = flash;
            return Redirect($"/reports/annual/{y}");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            status = StatusCodes.Status400BadRequest;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, "该年度报告已被他人修改，请刷新后重新操作。");
            status = StatusCodes.Status409Conflict;
        }
        db.ChangeTracker.Clear();
        Response.StatusCode = status;
        var current = await db.AnnualReports.AsNoTracking().SingleAsync(r => r.Year == y, ct);
        var page = await PageAsync(y, current, AnnualDraftForm.From(current), ct);
        return View(Views + "Draft.cshtml", page with { TypedReturnComment = typedComment });
    }

    private async Task<DraftPageModel> PageAsync(int year, AnnualReport? report, AnnualDraftForm form, CancellationToken ct)
    {
        var tables = report?.PublishedTables() ?? await AnnualReportQueries.ComputeAsync(db, year, report?.Figures() ?? new ManualFigures(), ct);
        return new DraftPageModel(year, report?.State, tables, form) { SubmittedBy = report?.SubmittedBy, ReturnComment = report?.ReturnComment };
    }

    internal static bool TryYear(string raw, out int year) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100;

    private IActionResult BadYear() => BadInput("年份应为2000到2100之间的四位数字。");
}

public sealed record OfficeReportRow(int Year, ReportState State, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

public sealed record OfficeIndexModel(IReadOnlyList<OfficeReportRow> Reports, int? DueYear);

public sealed record DraftPageModel(int Year, ReportState? State, AnnualReportTables Tables, AnnualDraftForm Form)
{
    public string? SubmittedBy { get; init; }
    public string? ReturnComment { get; init; }

    /// <summary>What the reviewer typed into the return form, shown again when the return was refused.</summary>
    public string? TypedReturnComment { get; init; }
}

public static class ReportStates
{
    public static string Describe(ReportState? state) => state switch
    {
        ReportState.Draft => "草稿",
        ReportState.Submitted => "待审核",
        ReportState.Published => "已发布",
        _ => "未开始",
    };
}
