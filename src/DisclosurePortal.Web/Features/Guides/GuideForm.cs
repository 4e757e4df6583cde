using DisclosurePortal.Domain.Flowcharts;
using DisclosurePortal.Domain.Guides;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Features.Guides;

/// <summary>
/// A 办事指南 as typed (new, edit or change). Situations, their materials and the steps are slots: no script is needed,
/// empty slots are ignored, and the 增加办事情形 / 增加材料 buttons (<see cref="Intent"/>) re-render the form with more
/// slots and nothing typed lost. Each material may carry a template file (checked like an attachment).
/// </summary>
public sealed class GuideForm
{
    public const int MinimumSituations = 1;
    public const int MinimumMaterials = 3;
    public const int MinimumSteps = 4;
    public const string AddSituation = "add-situation";
    public const string AddMaterialPrefix = "add-material-";
    public const string AddStep = "add-step";

    [BindNever]
    public int? Id { get; set; }

    /// <summary>Set by the controller: a change to a public guide (saved as its own draft).</summary>
    [BindNever]
    public bool IsChange { get; set; }

    public int? Version { get; set; }

    [ValidatorExplains]
    public int? DomainId { get; set; }

    public string? Name { get; set; }

    [MultiLine]
    public string? LegalBasis { get; set; }

    [MultiLine]
    public string? Conditions { get; set; }

    public string? TimeLimit { get; set; }
    public string? Fees { get; set; }

    [MultiLine]
    public string? PlaceAndHours { get; set; }

    public string? ConsultationPhone { get; set; }
    public string? ComplaintPhone { get; set; }
    public List<GuideSituationForm> Situations { get; set; } = [];
    public List<GuideStepForm> Steps { get; set; } = [];

    /// <summary>save, or a button that only re-renders the form with more slots.</summary>
    public string? Intent { get; set; }

    public bool IsFormOnly => Intent is AddSituation or AddStep || (Intent?.StartsWith(AddMaterialPrefix, StringComparison.Ordinal) ?? false);

    /// <summary>Keeps the filled slots and adds empty ones (more where an add button asked for them).</summary>
    public GuideForm WithSlots()
    {
        var addTo = Intent is { } i && i.StartsWith(AddMaterialPrefix, StringComparison.Ordinal)
            && int.TryParse(i.AsSpan(AddMaterialPrefix.Length), out var n) ? n : -1;
        var situations = Situations.Select((s, index) => (s, index)).Where(x => !x.s.IsEmpty || x.index == addTo).Select(x => x.s).ToList();
        var extra = Intent == AddSituation ? 1 : 0;
        while (situations.Count < Math.Min(ServiceGuide.MaxSituations, Math.Max(MinimumSituations, situations.Count + extra))) situations.Add(new GuideSituationForm());
        if (situations.Count == 0) situations.Add(new GuideSituationForm());
        for (var k = 0; k < situations.Count; k++)
        {
            var s = situations[k];
            var filled = s.Materials.Where(m => !m.IsEmpty).ToList();
            var spare = Situations.IndexOf(s) == addTo ? 3 : 1;
            var count = Math.Min(ServiceGuide.MaxMaterials, Math.Max(MinimumMaterials, filled.Count + spare));
            while (filled.Count < count) filled.Add(new GuideMaterialForm());
            s.Materials = filled;
        }
        Situations = situations;
        var steps = Steps.Where(s => !s.IsEmpty).ToList();
        var stepCount = Math.Min(Flowchart.MaxSteps, Math.Max(MinimumSteps, steps.Count + (Intent == AddStep ? 3 : 1)));
        while (steps.Count < stepCount) steps.Add(new GuideStepForm());
        Steps = steps;
        Intent = null;
        return this;
    }

    /// <summary>The filled situations and materials, with the form slots they came from (for their template files).</summary>
    public IEnumerable<(int Situation, int Material, GuideMaterialForm Form)> FilledMaterials()
    {
        var sp = 0;
        foreach (var s in Situations.Where(s => !s.IsEmpty))
        {
            sp++;
            var mp = 0;
            foreach (var m in s.Materials.Where(m => !m.IsEmpty)) yield return (sp, ++mp, m);
        }
    }

    public GuideDraft ToDraft() => new()
    {
        DomainId = DomainId ?? 0,
        Name = Name ?? "",
        LegalBasis = LegalBasis ?? "",
        Conditions = Conditions ?? "",
        Situations = [.. Situations.Where(s => !s.IsEmpty).Select(s => new SituationDraft(s.Name ?? "",
            [.. s.Materials.Where(m => !m.IsEmpty).Select(m => new MaterialDraft(m.Name ?? "", m.Form ?? 0, m.Copies ?? 0, m.TemplateId))]))],
        Steps = [.. Steps.Where(s => !s.IsEmpty).Select(s => new GuideStepDraft(s.Actor ?? "", s.Action ?? "", s.TimeLimit))],
        TimeLimit = TimeLimit ?? "",
        Fees = Fees ?? "",
        PlaceAndHours = PlaceAndHours ?? "",
        ConsultationPhone = ConsultationPhone ?? "",
        ComplaintPhone = ComplaintPhone ?? "",
    };

    public static GuideForm From(ServiceGuide guide, bool isChange)
    {
        var d = guide.ToDraft();
        return new GuideForm
        {
            Id = guide.Id,
            IsChange = isChange,
            Version = isChange ? null : guide.Version,
            DomainId = d.DomainId,
            Name = d.Name,
            LegalBasis = d.LegalBasis,
            Conditions = d.Conditions,
            TimeLimit = d.TimeLimit,
            Fees = d.Fees,
            PlaceAndHours = d.PlaceAndHours,
            ConsultationPhone = d.ConsultationPhone,
            ComplaintPhone = d.ComplaintPhone,
            Situations = [.. d.Situations.Select(s => new GuideSituationForm
            {
                Name = s.Name,
                Materials = [.. s.Materials.Select(m => new GuideMaterialForm { Name = m.Name, Form = m.Form, Copies = m.Count, TemplateId = m.TemplateId })],
            })],
            Steps = [.. d.Steps.Select(s => new GuideStepForm { Actor = s.Actor, Action = s.Action, TimeLimit = s.TimeLimit })],
        }.WithSlots();
    }
}

/// <summary>A 办事情形 and its materials.</summary>
public sealed class GuideSituationForm
{
    public string? Name { get; set; }
    public List<GuideMaterialForm> Materials { get; set; } = [];

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Materials.All(m => m.IsEmpty);
}

/// <summary>申请材料: name, original or copy, how many, its template (kept, or a new file).</summary>
public sealed class GuideMaterialForm
{
    public string? Name { get; set; }

    [ValidatorExplains]
    public MaterialForm? Form { get; set; }

    [ValidatorExplains]
    public int? Copies { get; set; }

    /// <summary>The template already stored (kept through a re-render).</summary>
    public int? TemplateId { get; set; }

    public IFormFile? Template { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Template is null;
}

public sealed class GuideStepForm
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public string? TimeLimit { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Actor) && string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(TimeLimit);
}

public sealed class GuideFormValidator : AbstractValidator<GuideForm>
{
    public GuideFormValidator()
    {
        When(f => !f.IsFormOnly, () =>
        {
            RuleFor(x => x.DomainId).NotNull().WithMessage("请选择所属领域。");
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写事项名称。").MaximumLength(ServiceGuide.MaxNameLength).WithMessage("事项名称不能超过100个字。");
            RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("请填写设定依据。").MaximumLength(ServiceGuide.MaxTextLength).WithMessage("设定依据不能超过4000个字。");
            RuleFor(x => x.Conditions).NotEmpty().WithMessage("请填写申请条件。").MaximumLength(ServiceGuide.MaxTextLength).WithMessage("申请条件不能超过4000个字。");
            RuleFor(x => x.TimeLimit).NotEmpty().WithMessage("请填写办理时限。").MaximumLength(ServiceGuide.MaxShortLength).WithMessage("办理时限不能超过300个字。");
            RuleFor(x => x.Fees).NotEmpty().WithMessage("请填写收费标准。").MaximumLength(ServiceGuide.MaxShortLength).WithMessage("收费标准不能超过300个字。");
            RuleFor(x => x.PlaceAndHours).NotEmpty().WithMessage("请填写办理地点和时间。").MaximumLength(ServiceGuide.MaxShortLength).WithMessage("办理地点和时间不能超过300个字。");
            RuleFor(x => x.ConsultationPhone).NotEmpty().WithMessage("请填写咨询电话。").MaximumLength(ServiceGuide.MaxPhoneLength).WithMessage("咨询电话不能超过100个字。");
            RuleFor(x => x.ComplaintPhone).NotEmpty().WithMessage("请填写投诉电话。").MaximumLength(ServiceGuide.MaxPhoneLength).WithMessage("投诉电话不能超过100个字。");
            RuleFor(x => x.Situations).Must(s => s.Any(x => !x.IsEmpty)).WithMessage("请至少填写一种办事情形。");
            RuleFor(x => x.Steps).Must(s => s.Any(x => !x.IsEmpty)).WithMessage("请至少填写一个办理步骤。");
            RuleForEach(x => x.Situations).ChildRules(s =>
            {
                s.RuleFor(x => x.Name).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写办事情形的名称。")
                    .MaximumLength(ServiceGuide.MaxSituationNameLength).WithMessage("办事情形的名称不能超过200个字。");
                s.RuleFor(x => x.Materials).Must(m => m.Any(x => !x.IsEmpty)).When(x => !x.IsEmpty).WithMessage("请填写该情形的申请材料。");
                s.RuleForEach(x => x.Materials).ChildRules(m =>
                {
                    m.RuleFor(x => x.Name).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写材料名称。")
                        .MaximumLength(ServiceGuide.MaxMaterialNameLength).WithMessage("材料名称不能超过200个字。");
                    m.RuleFor(x => x.Form).Must(f => f is { } v && Enum.IsDefined(v)).When(x => !x.IsEmpty).WithMessage("请选择原件或复印件。");
                    m.RuleFor(x => x.Copies).NotNull().When(x => !x.IsEmpty).WithMessage("请填写份数（1至99）。")
                        .InclusiveBetween(1, ServiceGuide.MaxMaterialCount).WithMessage("份数应为1至99。");
                });
            });
            RuleForEach(x => x.Steps).ChildRules(s =>
            {
                s.RuleFor(x => x.Actor).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写办理主体。")
                    .MaximumLength(Flowchart.MaxActorLength).WithMessage("办理主体不能超过50个字。");
                s.RuleFor(x => x.Action).NotEmpty().When(x => !x.IsEmpty).WithMessage("请填写办理事项。")
                    .MaximumLength(Flowchart.MaxActionLength).WithMessage("办理事项不能超过200个字。");
                s.RuleFor(x => x.TimeLimit).MaximumLength(Flowchart.MaxTimeLimitLength).WithMessage("办理时限不能超过100个字。");
            });
        });
        RuleFor(x => x.Situations).Must(s => s.Count <= ServiceGuide.MaxSituations).WithMessage("办事情形最多20种。");
        RuleFor(x => x.Steps).Must(s => s.Count <= Flowchart.MaxSteps).WithMessage("流程图最多30个步骤。");
        RuleForEach(x => x.Situations).Must(s => s.Materials.Count <= ServiceGuide.MaxMaterials).WithMessage("每种情形的申请材料最多30项。");
    }
}
