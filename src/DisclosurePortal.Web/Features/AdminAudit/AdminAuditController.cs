using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminAudit;

/// <summary>
/// 审计日志: every audit event, newest first, filtered by entity, actor and date; and 检查审计链, which verifies the
/// whole hash chain (docs/adr/0023). Read-only: the audit trail is append-only, so there is nothing to edit here.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AdminAuditController(PortalDbContext db, TimeProvider clock) : PortalController
{
    private const int PageSize = 50;
    private const string Path = "/admin/audit";

    [HttpGet(Path)]
    public async Task<IActionResult> Index(AuditFilter filter, CancellationToken ct)
    {
        var pageNumber = filter.Page;
        var events = Filtered(filter.FromDate, filter.ToDate);
        if (filter.Type.Length > 0) events = events.Where(e => e.EntityType == filter.Type);
        if (filter.Entity.Length > 0) events = events.Where(e => e.EntityId == filter.Entity);
        if (filter.Actor.Length > 0) events = events.Where(e => e.ActorName.Contains(filter.Actor));

        var info = new PageInfo(pageNumber, PageSize, await events.CountAsync(ct));
        if (pageNumber > info.TotalPages) return PageOutOfRange(info);
        var rows = await events.OrderByDescending(e => e.Sequence).Skip(info.Skip).Take(PageSize)
            .Select(e => new AuditRow(e.Id, e.Sequence, e.OccurredAt, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Summary, e.Hash))
            .ToListAsync(ct);
        var types = await db.AuditEvents.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        return View(new AuditListModel(filter, types, rows, PagerModel.For(info, Path, filter.Query())));
    }

    /// <summary>检查审计链: a POST (it reads every event), answered with the report on the page.</summary>
    [HttpPost(Path + "/check")]
    public async Task<IActionResult> Check(CancellationToken ct) =>
        View(await AuditChainCheck.RunAsync(db, clock.GetUtcNow(), ct));

    /// <summary>
    /// The events in a date range (China dates, both days included). SQLite cannot compare DateTimeOffset in a LINQ
    /// query; its column holds the same UTC text the parameter is bound as, so one SQL text serves both databases.
    /// </summary>
    private IQueryable<AuditEvent> Filtered(DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return db.AuditEvents.AsNoTracking();
        var start = from is { } f ? ChinaTime.At(f, TimeOnly.MinValue) : DateTimeOffset.UnixEpoch;
        var end = to is { } t ? ChinaTime.At(t.AddDays(1), TimeOnly.MinValue) : new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return db.AuditEvents.FromSql($"""SELECT * FROM "AuditEvents" WHERE "OccurredAt" >= {start} AND "OccurredAt" < {end}""").AsNoTracking();
    }
}

/// <summary>The audit log's query string: entity type and id, actor, a date range (China dates, yyyy-MM-dd, from 2000), page.</summary>
public sealed record AuditFilter(string Type, string Entity, string Actor, string From, string To) : IQueryFilter<AuditFilter>
{
    /// <summary>The query keys: the filter form's field names, which users see in URLs, so they never change.</summary>
    public static class Keys
    {
        public const string Type = "type";
        public const string Entity = "entity";
        public const string Actor = "actor";
        public const string From = "from";
        public const string To = "to";
    }

    public int Page { get; init; } = 1;
    public DateOnly? FromDate { get; init; }
    public DateOnly? ToDate { get; init; }

    public static AuditFilter Read(QueryReader q)
    {
        var page = q.Page();
        var filter = new AuditFilter(
            q.Text(Keys.Type) ?? "", q.Text(Keys.Entity) ?? "", q.Text(Keys.Actor) ?? "", q.Text(Keys.From) ?? "", q.Text(Keys.To) ?? "") { Page = page };
        if (filter.Type.Length > 64 || filter.Entity.Length > 64 || filter.Actor.Length > 100)
            q.Refuse("筛选条件过长：对象类型和编号不超过 64 个字符，操作人不超过 100 个字符。");
        var datesRead = TryDate(filter.From, out var from) & TryDate(filter.To, out var to);
        if (!datesRead)
            q.Refuse("日期应写作 年-月-日，例如 2026-12-01。");
        if (from is { } f && to is { } t && f > t)
            q.Refuse("开始日期不能晚于结束日期。");
        return filter with { FromDate = from, ToDate = to };
    }

    private static bool TryDate(string raw, out DateOnly? date)
    {
        date = null;
        if (raw.Length == 0) return true;
        if (!QueryReader.TryDate(raw, out var d) || d.Year < 2000) return false;
        date = d;
        return true;
    }

    public bool Any => Type.Length + Entity.Length + Actor.Length + From.Length + To.Length > 0;

    public IEnumerable<KeyValuePair<string, string?>> Query() =>
        [new(Keys.Type, Type), new(Keys.Entity, Entity), new(Keys.Actor, Actor), new(Keys.From, From), new(Keys.To, To)];
}

public sealed record AuditRow(long Id, long Sequence, DateTimeOffset OccurredAt, string ActorName, string Action, string EntityType, string EntityId, string? Summary, string? Hash);

public sealed record AuditListModel(AuditFilter Filter, IReadOnlyList<string> Types, IReadOnlyList<AuditRow> Rows, PagerModel Pager);
