using DisclosurePortal.Domain;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageItems;

/// <summary>The stored lengths (CatalogueConfiguration, CatalogueItemRevisionConfiguration), so form and database agree.</summary>
public static class ItemLimits
{
    public const int NameLength = 200;
    public const int TextLength = 2000;
    public const int TimeLimitTextLength = 200;

    /// <summary>修改说明 and 停用理由: CatalogueItemRevision.Reason and CatalogueItem.RetiredReason.</summary>
    public const int NoteLength = 500;
}

/// <summary>
/// Every required element of <see cref="CatalogueItemElements.MissingRequiredElements"/>, each with its own message
/// beside its field; lengths as CatalogueConfiguration stores them; choices must be defined members; the time-limit
/// amount must suit its kind exactly as <see cref="TimeLimitRule"/>'s constructor decides.
/// </summary>
public abstract class ItemFormValidator<T> : AbstractValidator<T> where T : ItemForm
{
    protected ItemFormValidator()
    {
        Text(f => f.NameLevel1, ItemLimits.NameLength, "请填写事项名称（一级）。", "事项名称（一级）不能超过 200 个字。");
        Text(f => f.NameLevel2, ItemLimits.NameLength, "请填写事项名称（二级）。", "事项名称（二级）不能超过 200 个字。");
        Text(f => f.Content, ItemLimits.TextLength, "请填写公开内容。", "公开内容不能超过 2000 个字。");
        Text(f => f.Basis, ItemLimits.TextLength, "请填写公开依据。", "公开依据不能超过 2000 个字。");
        Text(f => f.TimeLimitText, ItemLimits.TimeLimitTextLength, "请填写公开时限。", "公开时限不能超过 200 个字。");
        Choice<TimeLimitKind>(f => f.TimeLimitKind, "请选择公开时限的计算方式。", "公开时限的计算方式无效，请从列表中选择。");
        RuleFor(f => f.TimeLimitAmount).Custom((raw, context) =>
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                context.AddFailure("请填写天数（实时公开填 0）。");
                return;
            }
            if (ItemForm.ParseInt(raw) is not { } amount)
            {
                context.AddFailure("天数应为整数，例如 20。");
                return;
            }
            // An unreadable kind has its own message beside the kind; the amount is judged only against a real kind.
            if (ItemForm.ParseEnum<TimeLimitKind>(context.InstanceToValidate.TimeLimitKind) is { } kind && !Allows(kind, amount))
                context.AddFailure(AmountRule(kind));
        });
        Choice<DisclosureMethod>(f => f.Method, "请选择公开方式。", "公开方式的选项无效，请从列表中选择。");
        RuleFor(f => f.Channels).Custom((channels, context) =>
        {
            if (ItemForm.ParseChannels(channels) is not { } set)
                context.AddFailure("公开渠道和载体中有无效的选项，请从列表中勾选。");
            else if (set == DisclosureChannels.None)
                context.AddFailure("请至少选择一个公开渠道和载体。");
        });
        Choice<Audience>(f => f.Audience, "请选择公开对象。", "公开对象的选项无效，请从列表中选择。");
        Choice<AdministrativeLevel>(f => f.Level, "请选择公开层级。", "公开层级的选项无效，请从列表中选择。");
        Choice<UpdateFrequency>(f => f.Frequency, "请选择更新频次。", "更新频次的选项无效，请从列表中选择。");
    }

    /// <summary>The domain's own rule (TimeLimitRule's constructor), so the form can never accept what the item refuses.</summary>
    internal static bool Allows(TimeLimitKind kind, int amount)
    {
        try
        {
            _ = new TimeLimitRule(kind, amount);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>TimeLimitRule's ranges, said for each kind.</summary>
    internal static string AmountRule(TimeLimitKind kind) => kind switch
    {
        TimeLimitKind.WorkingDaysAfterFormed => "按工作日计算时，天数应为 1 到 365 之间的整数。",
        TimeLimitKind.DaysAfterCompletion => "按办结后日数计算时，天数应为 1 到 365 之间的整数。",
        TimeLimitKind.MonthlyByDay or TimeLimitKind.QuarterlyByDay or TimeLimitKind.AnnuallyByDay =>
            "定期公开的截止日应为当月第 1 到 28 日之间的整数。",
        TimeLimitKind.RealTime => "实时公开不计天数，请填 0。",
        _ => "公开时限的计算方式无效，请从列表中选择。",
    };

    protected void Text(System.Linq.Expressions.Expression<Func<T, string?>> field, int maxLength, string required, string tooLong) =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(required)
            .Must(v => v!.Trim().Length <= maxLength).WithMessage(tooLong);

    protected void Choice<TEnum>(System.Linq.Expressions.Expression<Func<T, string?>> field, string required, string invalid) where TEnum : struct, Enum =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(required)
            .Must(v => ItemForm.ParseEnum<TEnum>(v) is not null).WithMessage(invalid);
}

public sealed class NewItemFormValidator : ItemFormValidator<NewItemForm>, IDatabaseValidator
{
    public NewItemFormValidator(PortalDbContext db)
    {
        RuleFor(f => f.DomainId).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请选择领域。")
            .MustAsync(async (v, ct) => ItemForm.ParseInt(v) is { } id && await db.Domains.AnyAsync(d => d.Id == id, ct))
            .WithMessage("所选领域不存在，请从列表中选择。");
        RuleFor(f => f.StageId).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请选择环节。")
            .MustAsync(async (v, ct) => ItemForm.ParseInt(v) is { } id && await db.Stages.AnyAsync(s => s.Id == id, ct))
            .WithMessage("所选环节不存在，请从列表中选择。");
    }
}

public sealed class EditItemFormValidator : ItemFormValidator<EditItemForm>
{
    public EditItemFormValidator() =>
        RuleFor(f => f.ChangeNote).Must(v => v is null || v.Trim().Length <= ItemLimits.NoteLength).WithMessage("修改说明不能超过 500 个字。");
}

public sealed class RetireFormValidator : AbstractValidator<RetireForm>
{
    public RetireFormValidator() =>
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写停用理由。")
            .Must(v => v!.Trim().Length <= ItemLimits.NoteLength).WithMessage("停用理由不能超过 500 个字。");
}
