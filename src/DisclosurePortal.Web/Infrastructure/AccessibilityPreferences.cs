namespace DisclosurePortal.Web.Infrastructure;

/// <summary>长辈版 (seniors' mode) or the standard site.</summary>
public enum DisplayMode { Standard, Senior }

/// <summary>The accessibility bar's font size: 标准, 大 (1.25×), 特大 (1.5×); in seniors' mode each step starts from 1.5×.</summary>
public enum TextSize { Standard, Large, ExtraLarge }

/// <summary>The accessibility bar's contrast: 标准 or 高对比度 (light text on black).</summary>
public enum Contrast { Standard, High }

/// <summary>
/// A visitor's display preferences, remembered in three cookies set by the accessibility bar (Features/Accessibility)
/// and applied as classes on &lt;html&gt; by the layout (ADR 18). They change the bytes of every page, so the output
/// cache and the validators key on <see cref="CacheKey"/> (Infrastructure/Caching).
/// </summary>
public readonly record struct AccessibilityPreferences(DisplayMode Mode, TextSize Size, Contrast Contrast)
{
    public const string ModeCookie = "dp-mode";
    public const string SizeCookie = "dp-size";
    public const string ContrastCookie = "dp-contrast";

    public static readonly AccessibilityPreferences Default = new(DisplayMode.Standard, TextSize.Standard, Contrast.Standard);

    private static readonly string[] ModeValues = ["standard", "senior"];
    private static readonly string[] SizeValues = ["standard", "large", "xlarge"];
    private static readonly string[] ContrastValues = ["standard", "high"];

    public bool IsDefault => this == Default;

    /// <summary>
    /// Reads the cookies. A value this server never sets (an old or edited cookie) counts as the default: a page is
    /// always shown, and such cookies cannot make the cache keep extra copies of it.
    /// </summary>
    public static AccessibilityPreferences From(HttpContext context)
    {
        var cookies = context.Request.Cookies;
        return new(
            Parse(cookies[ModeCookie], ModeValues, out var mode) ? (DisplayMode)mode : DisplayMode.Standard,
            Parse(cookies[SizeCookie], SizeValues, out var size) ? (TextSize)size : TextSize.Standard,
            Parse(cookies[ContrastCookie], ContrastValues, out var contrast) ? (Contrast)contrast : Contrast.Standard);
    }

    public static bool TryParseMode(string? value, out DisplayMode mode)
    {
        var ok = Parse(value, ModeValues, out var i);
        mode = (DisplayMode)i;
        return ok;
    }

    public static bool TryParseSize(string? value, out TextSize size)
    {
        var ok = Parse(value, SizeValues, out var i);
        size = (TextSize)i;
        return ok;
    }

    public static bool TryParseContrast(string? value, out Contrast contrast)
    {
        var ok = Parse(value, ContrastValues, out var i);
        contrast = (Contrast)i;
        return ok;
    }

    public static string Value(DisplayMode mode) => ModeValues[(int)mode];

    public static string Value(TextSize size) => SizeValues[(int)size];

    public static string Value(Contrast contrast) => ContrastValues[(int)contrast];

    /// <summary>The classes on &lt;html&gt; (access.css): only the choices that differ from the default.</summary>
    public string CssClasses =>
        string.Join(' ', new[]
        {
            Mode == DisplayMode.Senior ? "dp-mode-senior" : null,
            Size == TextSize.Standard ? null : "dp-size-" + Value(Size),
            Contrast == Contrast.High ? "dp-contrast-high" : null,
        }.Where(c => c is not null));

    /// <summary>What the output cache and the Last-Modified history add to a page's key: one entry per combination.</summary>
    public string CacheKey => $"{Value(Mode)}.{Value(Size)}.{Value(Contrast)}";

    private static bool Parse(string? value, string[] values, out int index)
    {
        index = value is null ? -1 : Array.IndexOf(values, value);
        if (index >= 0) return true;
        index = 0;
        return false;
    }
}
