using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A labelled form field, written once: <c>&lt;dp-field for="Title" label="标题" hint="…"&gt;&lt;input asp-for="Title" type="text"&gt;&lt;/dp-field&gt;</c>
/// renders <c>div.field</c> with the label (for the control's id), the control, the hint and the field's errors from
/// ModelState (through the localizer); the control inside gets <c>aria-invalid</c> and <c>aria-describedby</c>
/// (<see cref="FieldControlTagHelper"/>). Label and hint are localizer keys.
/// </summary>
[HtmlTargetElement("dp-field")]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Init(TagHelperContext context) => context.Items[typeof(FieldTagHelper)] = this;

    /// <summary>The bound field's name (as the form posts it) and its element id.</summary>
    internal string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    internal string Id => TagBuilder.CreateSanitizedId(Name, "_");

    internal bool HasErrors => ViewContext.ViewData.ModelState[Name] is { Errors.Count: > 0 };

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var control = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        var id = Id;
        output.Content.AppendHtml($"\n    <label for=\"{id}\">").Append(localizer[Label].Value).AppendHtml("</label>");
        output.Content.AppendHtml(control);
        if (Hint is { Length: > 0 })
            output.Content.AppendHtml($"\n    <p id=\"{id}-hint\" class=\"hint\">").Append(localizer[Hint].Value).AppendHtml("</p>");
        output.Content.AppendHtml($"\n    <span id=\"{id}-error\" class=\"field-error\">")
            .Append(localizer.ErrorsFor(ViewContext.ViewData.ModelState, Name)).AppendHtml("</span>\n");
    }
}

/// <summary>The control of a <see cref="FieldTagHelper"/>: points at its hint and error, and says when it is invalid.</summary>
[HtmlTargetElement("input", Attributes = "asp-for", ParentTag = "dp-field")]
[HtmlTargetElement("select", Attributes = "asp-for", ParentTag = "dp-field")]
[HtmlTargetElement("textarea", Attributes = "asp-for", ParentTag = "dp-field")]
public sealed class FieldControlTagHelper : TagHelper
{
    /// <summary>After the framework's input/select/textarea helpers, which write the id and name.</summary>
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.TryGetValue(typeof(FieldTagHelper), out var f) is false || f is not FieldTagHelper field) return;
        var id = field.Id;
        if (field.HasErrors) output.Attributes.SetAttribute("aria-invalid", "true");
        if (!output.Attributes.ContainsName("aria-describedby"))
            output.Attributes.SetAttribute("aria-describedby", field.Hint is { Length: > 0 } ? $"{id}-error {id}-hint" : $"{id}-error");
        // The framework marks an invalid control with its own class; the portal's style keys on aria-invalid.
        if (output.Attributes["class"]?.Value?.ToString() is "input-validation-error") output.Attributes.RemoveAll("class");
    }
}
