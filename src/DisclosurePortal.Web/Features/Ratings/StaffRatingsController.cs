using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>
/// 评议 for staff: the office's list of every unit's ratings with comment moderation (/staff/ratings, 审核人员), and an
/// editor's list of their own unit's ratings (/manage/ratings), where only shown comments are read.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StaffRatingsController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const int PageSize = 30;

    [HttpGet("/staff/ratings")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Office(StaffRatingsFilter filter, CancellationToken ct)
    {
        var ratings = db.Ratings.AsNoTracking();
        if (filter.Unit is { } unit) ratings = ratings.Where(r => r.UnitId == unit);
        if (filter.Grade is { } grade) ratings = ratings.Where(r => r.Grade == grade);
        if (filter.Comment is { } state) ratings = ratings.Where(r => r.CommentState == state);
        return await ListAsync(ratings, filter, office: true, ct);
    }

    [HttpGet("/manage/ratings")]
    [Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Unit(StaffRatingsFilter filter, CancellationToken ct)
    {
        var own = User.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");
        var ratings = db.Ratings.AsNoTracking().Where(r => r.UnitId == own);
        if (filter.Grade is { } grade) ratings = ratings.Where(r => r.Grade == grade);
        return await ListAsync(ratings, filter with { Unit = own, Comment = null }, office: false, ct);
    }

    [HttpPost("/staff/ratings/{id:int}")]
    [Authorize(Policy = Policies.Reviewer)]
    public async Task<IActionResult> Moderate(int id, ModerateRatingForm form, StaffRatingsFilter filter, [FromServices] ModerateRatingHandler handler, CancellationToken ct)
    {
        var done = await handler.HandleAsync(id, form, User, ct);
        if (done.Refusal is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status404NotFound) return NotFoundPage(refusal.Message, refusal.Args);
            return BadInput(refusal.Message, refusal.Args);
        }
        Flash(done.Value!);
        return RedirectToAction(nameof(Office), filter.RouteValues());
    }

    private async Task<IActionResult> ListAsync(IQueryable<Rating> ratings, StaffRatingsFilter filter, bool office, CancellationToken ct)
    {
        var year = clock.Today().Year;
        var info = new PageInfo(filter.Page, PageSize, await ratings.CountAsync(ct));
        if (filter.Page > info.TotalPages) return PageOutOfRange(info);
        var rows = await (
            from r in ratings
            join d in db.Departments on r.UnitId equals d.Id into dd
            from d in dd.DefaultIfEmpty()
            orderby r.RatedOn descending, r.Id descending
            select new StaffRatingRow(r.Id, r.TargetKind, r.TargetId, d == null ? null : d.Name, r.Grade,
                // An editor reads only shown comments; the office reads every one, with why it was held or hidden.
                office || r.CommentState == CommentState.Shown ? r.Comment : null,
                r.CommentState, office ? r.HeldFor : null, office ? r.HiddenReason : null, r.RatedAt))
            .Skip(info.Skip).Take(PageSize).ToListAsync(ct);
        var counts = await RatingQueries.ForYearAsync(db, year, ct);
        var units = office ? await db.ActiveDepartmentsAsync(ct) : [];
        return View("~/Features/Ratings/Views/List.cshtml", new StaffRatingsModel(rows, info, filter, office, year,
            office ? counts : counts.Where(c => c.UnitId == filter.Unit).ToList(), units));
    }
}

public sealed record StaffRatingRow(int Id, RatingTargetKind Kind, int TargetId, string? Unit, RatingGrade Grade, string? Comment,
    CommentState CommentState, string? HeldFor, string? HiddenReason, DateTimeOffset RatedAt);

public sealed record StaffRatingsModel(IReadOnlyList<StaffRatingRow> Rows, PageInfo Page, StaffRatingsFilter Filter, bool Office, int Year,
    IReadOnlyList<UnitRatings> Counts, IReadOnlyList<(int Id, string Name)> Units);

/// <summary>The staff lists' filter: <c>unit</c>, <c>grade</c>, <c>comment</c> (moderation state) and <c>page</c>.</summary>
public sealed record StaffRatingsFilter(int? Unit, RatingGrade? Grade, CommentState? Comment, int Page) : IQueryFilter<StaffRatingsFilter>
{
    public static class Keys
    {
        public const string Unit = "unit";
        public const string Grade = "grade";
        public const string Comment = "comment";
    }

    public static StaffRatingsFilter Read(QueryReader query) => new(
        query.Id(Keys.Unit, "单位编号无效。"),
        query.Enum<RatingGrade>(Keys.Grade, "评议等次无效。"),
        query.Enum<CommentState>(Keys.Comment, "意见审核状态无效。"),
        query.Page());

    /// <summary>The moderation form's route: the rating and the list's filter, to come back to the same list.</summary>
    public IDictionary<string, string> ModerationRoute(int id)
    {
        var route = RouteValues().Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)!);
        route["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route;
    }

    /// <summary>The filter as route values, to come back to the same list after an action.</summary>
    public IDictionary<string, object?> RouteValues() => new Dictionary<string, object?>
    {
        [Keys.Unit] = Unit,
        [Keys.Grade] = Grade?.ToString(),
        [Keys.Comment] = Comment?.ToString(),
        ["page"] = Page > 1 ? Page : null,
    };
}
