using System.Globalization;
using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Expectations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.Expectations;

/// <summary>登记事件: an event of an event-driven item (办结, 变更 …), from which its record is owed (ADR 33).</summary>
public sealed class ItemEventForm
{
    public string? OccurredOn { get; set; }

    public string? Description { get; set; }

    public DateOnly? Date => DateOnly.TryParseExact(OccurredOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class ItemEventFormValidator : AbstractValidator<ItemEventForm>
{
    public ItemEventFormValidator()
    {
        RuleFor(f => f.OccurredOn).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写事件日期。")
            .Must((f, _) => f.Date is not null).WithMessage("事件日期应为日期，例如 2026-10-09。");
        RuleFor(f => f.Description).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请简要说明事件，例如：某某项目竣工验收办结。")
            .Must(v => v!.Trim().Length <= ItemEvent.DescriptionMaxLength).WithMessage("事件说明不能超过 200 个字。");
    }
}

/// <summary>应公开起始日: from when a periodic item owes its periods (blank: from the day it was added).</summary>
public sealed class ExpectedFromForm
{
    public string? ExpectedFrom { get; set; }

    public int Version { get; set; }

    public DateOnly? Date => DateOnly.TryParseExact(ExpectedFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class ExpectedFromFormValidator : AbstractValidator<ExpectedFromForm>
{
    public ExpectedFromFormValidator()
    {
        RuleFor(f => f.ExpectedFrom)
            .Must((f, v) => string.IsNullOrWhiteSpace(v) || f.Date is { Year: >= 2000 })
            .WithMessage("应公开起始日应为 2000 年以后的日期，例如 2025-01-01；留空表示从事项新增之日起。");
    }
}

/// <summary>The unit's editors record an event of an event-driven item, or set a periodic item's 应公开起始日.</summary>
public sealed class ItemExpectationChangesHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ItemEvent>> RecordEventAsync(CatalogueItem item, ItemEventForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (item.TimeLimit.Kind != TimeLimitKind.DaysAfterCompletion) return new Refusal("该公开事项不按事件公开，无须登记事件。");
        if (item.Status == CatalogueItemStatus.Retired) return new Refusal("已停用的公开事项不再产生应公开的信息。");
        return await Outcome.Try(async () =>
        {
            var itemEvent = ItemEvent.Record(item.Id, form.Date!.Value, form.Description!, clock.Today(), user.DisplayName(), clock.GetUtcNow());
            db.ItemEvents.Add(itemEvent);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.ItemEventRecord, itemEvent.Id, $"{item.DisplayName} · {itemEvent.OccurredOn.Iso()}：{itemEvent.Description}");
            await db.SaveChangesAsync(ct);
            return (Outcome<ItemEvent>)itemEvent;
        });
    }

    public async Task<Outcome<CatalogueItem>> SetExpectedFromAsync(CatalogueItem item, ExpectedFromForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReportingPeriod.IsPeriodic(item.TimeLimit.Kind)) return new Refusal("该公开事项不按期公开，无须设定应公开起始日。");
        if (item.Version != form.Version) return Refusal.Conflict("该公开事项已被他人修改，请刷新页面后重试。");
        var from = form.Date;
        if (from is { } d && d > clock.Today()) return new Refusal("应公开起始日不能晚于今天。");
        return await Outcome.Try(async () =>
        {
            item.SetExpectedFrom(from, clock.GetUtcNow());
            audit.Record(user, AuditActions.ItemExpectedFrom, item.Id, $"{item.DisplayName}：{from?.Iso() ?? "自新增之日起"}");
            await db.SaveChangesAsync(ct);
            return (Outcome<CatalogueItem>)item;
        });
    }
}
