using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// The trail above a page's heading, written once: <c>&lt;breadcrumbs current="@L["正文"]"&gt;&lt;li&gt;&lt;a asp-action…&gt;…&lt;/a&gt;&lt;/li&gt;…&lt;/breadcrumbs&gt;</c>
/// renders the labelled <c>nav</c>, its list, and the current page as the last item with <c>aria-current="page"</c>.
/// </summary>
[HtmlTargetElement("breadcrumbs")]
public sealed class BreadcrumbsTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    /// <summary>The current page's name (already localized, or content shown as it is), last in the trail.</summary>
    public string? Current { get; set; }

    /// <summary>The current item shows Chinese content (a title) on an English page too: marked <c>lang="zh-CN"</c> there.</summary>
    public bool CurrentIsContent { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "breadcrumbs");
        output.Attributes.SetAttribute("aria-label", localizer["当前位置"].Value);
        output.Content.AppendHtml("\n    <ol>").AppendHtml(items);
        if (Current is not null)
        {
            var lang = CurrentIsContent && Localization.IsEnglish ? " lang=\"zh-CN\"" : "";
            output.Content.AppendHtml($"    <li aria-current=\"page\"{lang}>").Append(Current).AppendHtml("</li>\n");
        }
        output.Content.AppendHtml("    </ol>\n");
    }
}
