namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// 信息处理费 tiers (条例 Art. 42; 国办函〔2020〕109号), per applicant per calendar month, counted in items of information:
/// the first <see cref="FreeItems"/> are free; up to <see cref="FirstTierLastItem"/> each costs <see cref="BaseYuan"/>;
/// beyond that the price rises by <see cref="StepYuan"/> for every further <see cref="StepItems"/> items.
/// The numbers are configuration; the defaults are the State Council's.
/// </summary>
public sealed record FeeTiers(int FreeItems = 10, int FirstTierLastItem = 30, decimal BaseYuan = 100m, int StepItems = 10, decimal StepYuan = 100m)
{
    public static FeeTiers StateCouncil2020 { get; } = new();

    /// <summary>What is wrong with tiers read from configuration; empty when they make sense.</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (FreeItems < 0) p.Add("Fees:FreeItems must be 0 or more.");
        if (FirstTierLastItem < FreeItems) p.Add("Fees:FirstTierLastItem must not be below Fees:FreeItems.");
        if (StepItems < 1) p.Add("Fees:StepItems must be 1 or more.");
        if (BaseYuan < 0 || StepYuan < 0) p.Add("Fees:BaseYuan and Fees:StepYuan must not be negative.");
        return p;
    }

    /// <summary>The price of the <paramref name="n"/>-th item of the month (1-based).</summary>
    public decimal PriceOfItem(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n <= FreeItems) return 0m;
        if (n <= FirstTierLastItem) return BaseYuan;
        var steps = (n - FirstTierLastItem + StepItems - 1) / StepItems;
        return BaseYuan + (steps * StepYuan);
    }

    /// <summary>
    /// The fee for an application of <paramref name="items"/> items by an applicant who has already applied for
    /// <paramref name="itemsEarlierThisMonth"/> items this calendar month.
    /// </summary>
    public decimal FeeFor(int itemsEarlierThisMonth, int items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemsEarlierThisMonth);
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        var fee = 0m;
        for (var n = itemsEarlierThisMonth + 1; n <= itemsEarlierThisMonth + items; n++) fee += PriceOfItem(n);
        return fee;
    }
}
