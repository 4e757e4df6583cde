using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Web.Features.ManageItems;

namespace DisclosurePortal.Web.Tests.ManageItems;

/// <summary>The form says TimeLimitRule's ranges in words; the words must stay true to the rule.</summary>
public sealed partial class ItemFormValidatorTests
{
    [Theory]
    [InlineData(TimeLimitKind.WorkingDaysAfterFormed)]
    [InlineData(TimeLimitKind.DaysAfterCompletion)]
    [InlineData(TimeLimitKind.MonthlyByDay)]
    [InlineData(TimeLimitKind.QuarterlyByDay)]
    [InlineData(TimeLimitKind.AnnuallyByDay)]
    public void AmountMessage_StatesTheRangeTheRuleAccepts(TimeLimitKind kind)
    {
        var range = Range().Match(ItemFormValidator<ItemForm>.AmountRule(kind));
        Assert.True(range.Success);
        var (min, max) = (int.Parse(range.Groups[1].Value), int.Parse(range.Groups[2].Value));
        Assert.True(ItemFormValidator<ItemForm>.Allows(kind, min));
        Assert.True(ItemFormValidator<ItemForm>.Allows(kind, max));
        Assert.False(ItemFormValidator<ItemForm>.Allows(kind, min - 1));
        Assert.False(ItemFormValidator<ItemForm>.Allows(kind, max + 1));
    }

    [Fact]
    public void AmountMessage_ForRealTime_AsksForZero()
    {
        Assert.Contains("0", ItemFormValidator<ItemForm>.AmountRule(TimeLimitKind.RealTime), StringComparison.Ordinal);
        Assert.True(ItemFormValidator<ItemForm>.Allows(TimeLimitKind.RealTime, 0));
        Assert.False(ItemFormValidator<ItemForm>.Allows(TimeLimitKind.RealTime, 1));
    }

    [GeneratedRegex(@"(\d+) 到 (\d+)")]
    private static partial Regex Range();
}
