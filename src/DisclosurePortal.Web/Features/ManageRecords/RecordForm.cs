using DisclosurePortal.Domain.Publishing;
using FluentValidation;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>What an editor types for a record version (domain README §3). Everything is nullable so nothing typed is lost.</summary>
public sealed class RecordForm
{
    public int? CatalogueItemId { get; set; }
    public RecordKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? DocumentNumber { get; set; }
    public string? IssuingOrgan { get; set; }
    public string? TopicCategory { get; set; }
    public DateOnly? WrittenOn { get; set; }
    public Validity? Validity { get; set; } = Domain.Publishing.Validity.Valid;
    public DisclosureAttribute? DisclosureAttribute { get; set; } = Domain.Publishing.DisclosureAttribute.Proactive;
    public string? NonDisclosureReason { get; set; }
    public string? Body { get; set; }
    public InterpretationForm? InterpretationForm { get; set; }

    /// <summary>The version's concurrency stamp when the form was opened.</summary>
    public int Version { get; set; }

    /// <summary>"preview" renders the Markdown without saving.</summary>
    public string? Intent { get; set; }

    public bool IsPreview => Intent == "preview";

    public RecordMetadata ToMetadata() => new()
    {
        Title = Title ?? string.Empty,
        DocumentNumber = DocumentNumber,
        IssuingOrgan = IssuingOrgan ?? string.Empty,
        TopicCategory = TopicCategory,
        WrittenOn = WrittenOn,
        Validity = Validity ?? Domain.Publishing.Validity.Valid,
        DisclosureAttribute = DisclosureAttribute ?? Domain.Publishing.DisclosureAttribute.Proactive,
        NonDisclosureReason = NonDisclosureReason,
        Body = Body ?? string.Empty,
        InterpretationForm = Kind == RecordKind.PolicyInterpretation ? InterpretationForm : null,
    };

    public static RecordForm From(Record record, RecordVersion v) => new()
    {
        CatalogueItemId = record.CatalogueItemId,
        Kind = record.Kind,
        Title = v.Title,
        DocumentNumber = v.DocumentNumber,
        IssuingOrgan = v.IssuingOrgan,
        TopicCategory = v.TopicCategory,
        WrittenOn = v.WrittenOn,
        Validity = v.Validity,
        DisclosureAttribute = v.DisclosureAttribute,
        NonDisclosureReason = v.NonDisclosureReason,
        Body = v.Body,
        InterpretationForm = v.InterpretationForm,
        Version = v.Version,
    };
}

public sealed class RecordFormValidator : AbstractValidator<RecordForm>
{
    public const int MaxBodyLength = 200_000;

    public RecordFormValidator(TimeProvider clock)
    {
        var today = Infrastructure.ChinaTime.Today(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage("请选择信息类别。").IsInEnum().WithMessage("信息类别无效，请从列表中选择。");
        RuleFor(x => x.Title).NotEmpty().WithMessage("请填写标题。").MaximumLength(300).WithMessage("标题不能超过300个字。")
            .Must(NoControlCharacters).WithMessage("标题含有无法显示的控制字符。");
        RuleFor(x => x.DocumentNumber).MaximumLength(100).WithMessage("发文字号不能超过100个字。").Must(NoControlCharacters).WithMessage("发文字号含有无法显示的控制字符。");
        RuleFor(x => x.IssuingOrgan).NotEmpty().WithMessage("请填写发文机关。").MaximumLength(200).WithMessage("发文机关不能超过200个字。");
        RuleFor(x => x.TopicCategory).MaximumLength(100).WithMessage("主题分类不能超过100个字。");
        RuleFor(x => x.WrittenOn)
            .Must(d => d is null || d <= today).WithMessage("成文日期不能晚于今天。")
            .Must(d => d is null || d.Value.Year >= 1949).WithMessage("成文日期不正确。");
        RuleFor(x => x.Validity).NotNull().WithMessage("请选择有效性。").IsInEnum().WithMessage("有效性无效，请从列表中选择。");
        RuleFor(x => x.DisclosureAttribute).NotNull().WithMessage("请选择公开属性。").IsInEnum().WithMessage("公开属性无效，请从列表中选择。");
        RuleFor(x => x.NonDisclosureReason)
            .NotEmpty().When(x => x.DisclosureAttribute == DisclosureAttribute.NotDisclosed).WithMessage("不予公开的信息须说明理由。")
            .MaximumLength(500).WithMessage("理由不能超过500个字。");
        RuleFor(x => x.InterpretationForm)
            .NotNull().When(x => x.Kind == RecordKind.PolicyInterpretation).WithMessage("请选择解读形式。")
            .IsInEnum().WithMessage("解读形式无效，请从列表中选择。");
        RuleFor(x => x.Body).MaximumLength(MaxBodyLength).WithMessage("正文不能超过20万字。");
    }

    private static bool NoControlCharacters(string? s) => s is null || !s.Any(char.IsControl);
}
