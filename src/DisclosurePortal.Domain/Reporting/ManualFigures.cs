namespace DisclosurePortal.Domain.Reporting;

/// <summary>One group of Table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.</summary>
public sealed record ReviewOutcomes(int Maintained, int Corrected, int Other, int Pending, int Total)
{
    public static readonly ReviewOutcomes Zero = new(0, 0, 0, 0, 0);

    public int[] Cells() => [Maintained, Corrected, Other, Pending, Total];

    /// <summary>总计 is entered by hand and must be the sum of the four results.</summary>
    public bool IsConsistent => Total == Maintained + Corrected + Other + Pending;
}

/// <summary>
/// The figures of the annual report nobody's data here holds, entered by hand: Table 二 rows 行政许可, 行政处罚, 行政强制
/// (本年处理决定数量) and 行政事业性收费 (本年收费金额, 万元), and the 15 numbers of Table 四.
/// </summary>
public sealed record ManualFigures
{
    public int Licensing { get; init; }
    public int Penalty { get; init; }
    public int Coercion { get; init; }

    /// <summary>行政事业性收费 本年收费金额, in 万元 with two decimals.</summary>
    public decimal FeesTenThousandYuan { get; init; }

    /// <summary>行政复议.</summary>
    public ReviewOutcomes Review { get; init; } = ReviewOutcomes.Zero;

    /// <summary>行政诉讼 未经复议直接起诉.</summary>
    public ReviewOutcomes SuitDirect { get; init; } = ReviewOutcomes.Zero;

    /// <summary>行政诉讼 复议后起诉.</summary>
    public ReviewOutcomes SuitAfterReview { get; init; } = ReviewOutcomes.Zero;

    /// <summary>The 15 numbers of Table 四 in the official order.</summary>
    public int[] Table4() => [.. Review.Cells(), .. SuitDirect.Cells(), .. SuitAfterReview.Cells()];

    public static ManualFigures FromTable4(int licensing, int penalty, int coercion, decimal fees, IReadOnlyList<int> table4)
    {
        ArgumentNullException.ThrowIfNull(table4);
        if (table4.Count != 15) throw new DomainException("表四应有15个数字。");
        ReviewOutcomes Group(int i) => new(table4[i], table4[i + 1], table4[i + 2], table4[i + 3], table4[i + 4]);
        return new ManualFigures { Licensing = licensing, Penalty = penalty, Coercion = coercion, FeesTenThousandYuan = fees, Review = Group(0), SuitDirect = Group(5), SuitAfterReview = Group(10) };
    }

    /// <summary>The groups of Table 四 whose 总计 is not the sum of their results.</summary>
    public IReadOnlyList<string> Inconsistencies()
    {
        var problems = new List<string>();
        foreach (var (name, g) in new[] { ("行政复议", Review), ("行政诉讼（未经复议直接起诉）", SuitDirect), ("行政诉讼（复议后起诉）", SuitAfterReview) })
            if (!g.IsConsistent) problems.Add($"{name}的总计（{g.Total}）应等于结果维持、结果纠正、其他结果、尚未审结之和（{g.Maintained + g.Corrected + g.Other + g.Pending}）。");
        return problems;
    }
}
