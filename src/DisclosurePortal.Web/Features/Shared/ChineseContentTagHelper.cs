using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// Marks an element that shows the portal's content (titles, 文号, bodies, names of departments and catalogue items),
/// which is Chinese whatever language the visitor chose. On an English page it gets <c>lang="zh-CN"</c>, so that a
/// screen reader switches to a Chinese voice for it (WCAG 2.1 SC 3.1.2, language of parts); on a Chinese page the
/// page's own <c>lang</c> already says so and nothing is added. Usage: <c>&lt;h1 zh-content&gt;@title&lt;/h1&gt;</c>.
/// </summary>
[HtmlTargetElement(Attributes = Attribute)]
public sealed class ChineseContentTagHelper : TagHelper
{
    private const string Attribute = "zh-content";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Attribute);
        if (Localization.IsEnglish && !output.Attributes.ContainsName("lang"))
            output.Attributes.Add("lang", "zh-CN");
    }
}

/// <summary>Chinese content inside a translated sentence (e.g. the visitor's search words in "Search results for …").</summary>
public static class ChineseContent
{
    private static readonly System.Text.RegularExpressions.Regex Han = new(@"\p{IsCJKUnifiedIdeographs}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// <paramref name="text"/>, encoded; on an English page, if it has Chinese characters, in a <c>span lang="zh-CN"</c>
    /// (see <see cref="ChineseContentTagHelper"/>).
    /// </summary>
    public static IHtmlContent Part(string text)
    {
        if (!Localization.IsEnglish || !Han.IsMatch(text)) return new HtmlContentBuilder().Append(text);
        var span = new TagBuilder("span");
        span.Attributes["lang"] = "zh-CN";
        span.InnerHtml.Append(text);
        return span;
    }

    /// <summary>
    /// The localized sentence <paramref name="key"/> (plural choices made as the localizer makes them) with its
    /// arguments HTML-encoded, except those that are HTML already (such as <see cref="Part"/>), written as they are.
    /// </summary>
    public static IHtmlContent Sentence(this IStringLocalizer localizer, string key, params object[] arguments) =>
        new HtmlFormattableString(Plurals.Choose(localizer[key].Value, arguments), arguments);
}
