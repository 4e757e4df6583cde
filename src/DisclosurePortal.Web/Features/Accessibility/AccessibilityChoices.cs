using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Accessibility;

/// <summary>?value= of /accessibility/mode: standard or senior (长辈版).</summary>
public sealed record ModeChoice(DisplayMode Mode) : IQueryFilter<ModeChoice>
{
    public static ModeChoice Read(QueryReader query)
    {
        if (!AccessibilityPreferences.TryParseMode(ChoiceValue.Of(query), out var mode))
            query.Refuse("显示模式应为“standard”（标准版）或“senior”（长辈版）。");
        return new ModeChoice(mode);
    }
}

/// <summary>?value= of /accessibility/size: standard, large or xlarge.</summary>
public sealed record SizeChoice(TextSize Size) : IQueryFilter<SizeChoice>
{
    public static SizeChoice Read(QueryReader query)
    {
        if (!AccessibilityPreferences.TryParseSize(ChoiceValue.Of(query), out var size))
            query.Refuse("字号应为“standard”（标准）、“large”（大）或“xlarge”（特大）。");
        return new SizeChoice(size);
    }
}

/// <summary>?value= of /accessibility/contrast: standard or high.</summary>
public sealed record ContrastChoice(Contrast Contrast) : IQueryFilter<ContrastChoice>
{
    public static ContrastChoice Read(QueryReader query)
    {
        if (!AccessibilityPreferences.TryParseContrast(ChoiceValue.Of(query), out var contrast))
            query.Refuse("对比度应为“standard”（标准）或“high”（高对比度）。");
        return new ContrastChoice(contrast);
    }
}

internal static class ChoiceValue
{
    /// <summary>The value as typed, an empty one as none (as MVC bound the string before).</summary>
    public static string? Of(QueryReader query) => query.Raw("value").FirstValue is { Length: > 0 } value ? value : null;
}
