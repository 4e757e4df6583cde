using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Ratings;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Data.Security;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Ratings;

/// <summary>What the office posts to show or hide a comment: the intent and, to hide, a reason.</summary>
public sealed class ModerateRatingForm
{
    [FromForm(Name = Fields.Intent)]
    public string? Intent { get; set; }

    [FromForm(Name = Fields.Reason)]
    public string? Reason { get; set; }

    public static class Fields
    {
        public const string Intent = "intent";
        public const string Reason = "reason";
    }

    public const string Show = "show";
    public const string Hide = "hide";
}

/// <summary>The office (审核人员) shows a held comment to the unit, or hides one with a reason; audited as rating.show / rating.hide.</summary>
public sealed class ModerateRatingHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<string>> HandleAsync(int id, ModerateRatingForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var rating = await db.Ratings.FindAsync([id], ct);
        if (rating is null) return Refusal.NotFound("没有找到该评议。");
        return await Outcome.Try(async () =>
        {
            switch (form.Intent)
            {
                case ModerateRatingForm.Show:
                    rating.Show(user.DisplayName(), clock.GetUtcNow());
                    audit.Record(user, AuditActions.RatingShow, rating.Id, null);
                    break;
                case ModerateRatingForm.Hide:
                    rating.Hide(user.DisplayName(), form.Reason, clock.GetUtcNow());
                    audit.Record(user, AuditActions.RatingHide, rating.Id, rating.HiddenReason);
                    break;
                default:
                    return new Refusal("请选择显示或隐藏。");
            }
            await db.SaveChangesAsync(ct);
            return (Outcome<string>)(form.Intent == ModerateRatingForm.Show ? "已显示该意见。" : "已隐藏该意见。");
        });
    }
}
