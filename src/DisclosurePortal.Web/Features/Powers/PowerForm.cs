using System.Globalization;
using DisclosurePortal.Domain.Flowcharts;
using DisclosurePortal.Domain.Powers;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Features.Powers;

/// <summary>
/// A power of the 权责清单 as typed (new, edit or change). The flowchart is a few step slots (no script needed to add
/// one; empty slots are ignored, and a saved form offers two more); the change date is text so that whatever was typed
/// comes back on the re-rendered form.
/// </summary>
public sealed class PowerForm
{
    public const int MinimumSlots = 6;
    public const int SpareSlots = 2;

    [BindNever]
    public int? Id { get; set; }

    /// <summary>The optimistic-concurrency version the editor opened (edit only).</summary>
    public int? Version { get; set; }

    public string? Name { get; set; }

    [ValidatorExplains]
    public PowerCategory? Category { get; set; }

    [MultiLine]
    public string? LegalBasis { get; set; }

    public string? Office { get; set; }
    public string? Staff { get; set; }

    /// <summary>The day the power changed (a change to a public power only).</summary>
    public string? ChangedOn { get; set; }

    public List<PowerStepForm> Steps { get; set; } = [];

    /// <summary>Set by the controller: the power is public, so a save is a change and needs its date.</summary>
    [BindNever]
    public bool IsChange { get; set; }

    public DateOnly? Changed => QueryReader.TryDate(ChangedOn?.Trim() ?? "", out var d) ? d : null;

    public IReadOnlyList<PowerStepDraft> StepDrafts() =>
        Steps.Where(s => !s.IsEmpty).Select(s => new PowerStepDraft(s.Actor ?? "", s.Action ?? "", s.TimeLimit)).ToList();

    /// <summary>Shows at least <see cref="MinimumSlots"/> slots and two empty ones after the filled ones.</summary>
    public PowerForm WithSlots()
    {
        var filled = Steps.Where(s => !s.IsEmpty).ToList();
        var count = Math.Min(Flowchart.MaxSteps, Math.Max(MinimumSlots, filled.Count + SpareSlots));
        Steps = filled;
        while (Steps.Count < count) Steps.Add(new PowerStepForm());
        return this;
    }

    public PowerDraft ToDraft() => new()
    {
        Name = Name ?? "",
        Category = Category ?? 0,
        LegalBasis = LegalBasis ?? "",
        Office = Office ?? "",
        Staff = Staff,
        Steps = StepDrafts(),
    };

    public static PowerForm From(Power power, PowerRevision revision, DateOnly today) => new PowerForm
    {
        Id = power.Id,
        Version = power.Version,
        Name = revision.Name,
        Category = revision.Category,
        LegalBasis = revision.LegalBasis,
        Office = revision.Office,
        Staff = revision.Staff,
        IsChange = power.Published is not null,
        ChangedOn = power.Published is null ? null
            : (revision.State == PowerRevisionState.Published ? today : revision.ChangedOn ?? today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Steps = revision.Steps.OrderBy(s => s.Position).Select(s => new PowerStepForm { Actor = s.Actor, Action = s.Action, TimeLimit = s.TimeLimit }).ToList(),
    }.WithSlots();
}

/// <summary>One step of the flowchart: who, what, in what time.</summary>
public sealed class PowerStepForm
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? TimeLimit { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Actor) && string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(TimeLimit);
}

public sealed class PowerFormValidator : AbstractValidator<PowerForm>
{
    public PowerFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写权力名称。").MaximumLength(Power.MaxNameLength).WithMessage("权力名称不能超过100个字。");
        RuleFor(x => x.Category).Must(c => c is { } v && Enum.IsDefined(v)).WithMessage("请选择权力类别。");
        RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("请填写法律依据。").MaximumLength(Power.MaxLegalBasisLength).WithMessage("法律依据不能超过4000个字。");
        RuleFor(x => x.Office).NotEmpty().WithMessage("请填写承办机构。").MaximumLength(Power.MaxOfficeLength).WithMessage("承办机构不能超过100个字。");
        RuleFor(x => x.Staff).MaximumLength(Power.MaxStaffLength).WithMessage("承办人员不能超过200个字。");
        RuleFor(x => x.ChangedOn).MaximumLength(20).WithMessage("请按“年-月-日”填写变化日期，例如 2026-06-01。")
            .Must((f, _) => string.IsNullOrWhiteSpace(f.ChangedOn) || f.Changed is not null).WithMessage("请按“年-月-日”填写变化日期，例如 2026-06-01。");
        RuleFor(x => x.Steps).Must(s => s.Count <= Flowchart.MaxSteps).WithMessage("流程图最多30个步骤。")
            .Must(s => s.Any(x => !x.IsEmpty)).WithMessage("请至少填写一个办理步骤。");
        RuleForEach(x => x.Steps).ChildRules(s =>
        {
            s.RuleFor(x => x.Actor).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写办理主体。")
                .MaximumLength(Flowchart.MaxActorLength).WithMessage("办理主体不能超过50个字。");
            s.RuleFor(x => x.Action).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写办理事项。")
                .MaximumLength(Flowchart.MaxActionLength).WithMessage("办理事项不能超过200个字。");
            s.RuleFor(x => x.TimeLimit).MaximumLength(Flowchart.MaxTimeLimitLength).WithMessage("办理时限不能超过100个字。");
        });
    }
}
