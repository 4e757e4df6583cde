using System.Globalization;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;

namespace DisclosurePortal.Web.Features.AnnualReports;

/// <summary>
/// The draft as typed: numbers stay strings so that a wrong entry comes back exactly as it was typed. The strings are
/// judged by <see cref="AnnualDraftFormValidator"/> alone, with Chinese messages; a <see cref="Version"/> that does not
/// bind counts as 0 (a stale form).
/// </summary>
[ValidatorExplains]
public sealed class AnnualDraftForm
{
    public const int MaxText = 20000;

    [MultiLine]
    public string? Overview { get; set; }
    [MultiLine]
    public string? Problems { get; set; }
    [MultiLine]
    public string? OtherMatters { get; set; }
    public string? Licensing { get; set; }
    public string? Penalty { get; set; }
    public string? Coercion { get; set; }
    public string? Fees { get; set; }

    /// <summary>Table 四 in the official order: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, five numbers each.</summary>
    public List<string?> Table4 { get; set; } = [];
    public int Version { get; set; }

    public static AnnualDraftForm From(AnnualReport? report)
    {
        var f = report?.Figures() ?? new ManualFigures();
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new AnnualDraftForm
        {
            Overview = report?.OverviewText,
            Problems = report?.ProblemsText,
            OtherMatters = report?.OtherMattersText,
            Licensing = N(f.Licensing),
            Penalty = N(f.Penalty),
            Coercion = N(f.Coercion),
            Fees = f.FeesTenThousandYuan.ToString("0.00", CultureInfo.InvariantCulture),
            Table4 = [.. f.Table4().Select(N)],
            Version = report?.Version ?? 0,
        };
    }

    public string? Table4At(int i) => i < Table4.Count ? Table4[i] : null;

    /// <summary>The figures, once the validator has accepted the form.</summary>
    public ManualFigures ToFigures() => ManualFigures.FromTable4(Count(Licensing), Count(Penalty), Count(Coercion),
        decimal.Parse(Fees!.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        [.. Enumerable.Range(0, 15).Select(i => Count(Table4At(i)))]);

    internal static int Count(string? s) => int.Parse(s!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    internal static bool IsCount(string? s) =>
        s is not null && int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000_000;

    internal static bool IsAmount(string? s) =>
        s is not null && decimal.TryParse(s.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
        && d.Scale <= 2 && d < 100_000_000m;
}

public sealed class AnnualDraftFormValidator : AbstractValidator<AnnualDraftForm>
{
    public AnnualDraftFormValidator()
    {
        RuleFor(x => x.Overview).MaximumLength(AnnualDraftForm.MaxText).WithMessage("每节文字不能超过20000字。");
        RuleFor(x => x.Problems).MaximumLength(AnnualDraftForm.MaxText).WithMessage("每节文字不能超过20000字。");
        RuleFor(x => x.OtherMatters).MaximumLength(AnnualDraftForm.MaxText).WithMessage("每节文字不能超过20000字。");
        RuleFor(x => x.Licensing).Must(AnnualDraftForm.IsCount).WithMessage("请填写不小于0的整数。");
        RuleFor(x => x.Penalty).Must(AnnualDraftForm.IsCount).WithMessage("请填写不小于0的整数。");
        RuleFor(x => x.Coercion).Must(AnnualDraftForm.IsCount).WithMessage("请填写不小于0的整数。");
        RuleFor(x => x.Fees).Must(AnnualDraftForm.IsAmount).WithMessage("请填写不小于0的金额（万元），最多两位小数，如 12.50。");
        RuleFor(x => x.Table4).Must(t => t.Count == 15).WithMessage("表四应有15个数字。");
        RuleForEach(x => x.Table4).Must(AnnualDraftForm.IsCount).WithMessage("请填写不小于0的整数。");
        RuleFor(x => x).Custom((form, context) =>
        {
            if (form.Table4.Count != 15 || !form.Table4.All(AnnualDraftForm.IsCount)) return;
            for (var g = 0; g < 3; g++)
            {
                var sum = Enumerable.Range(g * 5, 4).Sum(i => AnnualDraftForm.Count(form.Table4[i]));
                if (AnnualDraftForm.Count(form.Table4[(g * 5) + 4]) != sum)
                    context.AddFailure($"Table4[{(g * 5) + 4}]", "总计应等于结果维持、结果纠正、其他结果、尚未审结之和。");
            }
        });
    }
}
