using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DisclosurePortal.Web.Features.Accessibility;

/// <summary>What the accessibility bar in the layout shows: the current choices and where each link comes back to.</summary>
public sealed record AccessibilityBarModel(AccessibilityPreferences Current, string ReturnUrl, IUrlHelper Url)
{
    /// <summary>
    /// A link to an action of <see cref="AccessibilityController"/>. An address too long to come back to goes to the
    /// home page. The query is escaped by Uri.EscapeDataString, as it always was (the URL generator leaves !$()*,;@).
    /// </summary>
    public string Link(string action, string? value = null)
    {
        var query = value is null ? "" : $"value={value}";
        if (ReturnUrl.Length <= AccessibilityController.MaxReturnUrlLength)
            query += (query.Length > 0 ? "&" : "") + "returnUrl=" + Uri.EscapeDataString(ReturnUrl);
        return Url.Action(action, "Accessibility") + (query.Length > 0 ? "?" + query : "");
    }

    public string ModeLink(DisplayMode mode) => Link(nameof(AccessibilityController.Mode), AccessibilityPreferences.Value(mode));

    public string SizeLink(TextSize size) => Link(nameof(AccessibilityController.Size), AccessibilityPreferences.Value(size));

    public string ContrastLink(Contrast contrast) => Link(nameof(AccessibilityController.Contrast), AccessibilityPreferences.Value(contrast));

    public string ResetLink => Link(nameof(AccessibilityController.Reset));
}
