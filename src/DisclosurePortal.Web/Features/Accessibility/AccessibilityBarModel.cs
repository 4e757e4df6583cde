using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Accessibility;

/// <summary>What the accessibility bar in the layout shows: the current choices and where each link comes back to.</summary>
public sealed record AccessibilityBarModel(AccessibilityPreferences Current, string ReturnUrl)
{
    /// <summary>A link of the bar (AccessibilityController). An address too long to come back to goes to the home page.</summary>
    public string Link(string setting, string? value = null)
    {
        var query = value is null ? "" : $"value={value}";
        if (ReturnUrl.Length <= AccessibilityController.MaxReturnUrlLength)
            query += (query.Length > 0 ? "&" : "") + "returnUrl=" + Uri.EscapeDataString(ReturnUrl);
        return $"/accessibility/{setting}" + (query.Length > 0 ? "?" + query : "");
    }

    public string ModeLink(DisplayMode mode) => Link("mode", AccessibilityPreferences.Value(mode));

    public string SizeLink(TextSize size) => Link("size", AccessibilityPreferences.Value(size));

    public string ContrastLink(Contrast contrast) => Link("contrast", AccessibilityPreferences.Value(contrast));

    public string ResetLink => Link("reset");
}
