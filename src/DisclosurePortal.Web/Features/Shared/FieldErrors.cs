using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.Shared;

public static class FieldErrors
{
    /// <summary>A field's messages, through the localizer (the Chinese text is the key), for the span beside the field.</summary>
    public static string ErrorsFor(this IStringLocalizer localizer, ModelStateDictionary modelState, string field) =>
        modelState[field] is { Errors.Count: > 0 } entry
            ? string.Join(" ", entry.Errors.Select(e => localizer[e.ErrorMessage].Value))
            : string.Empty;
}

/// <summary>
/// What a form's partial needs beside the form it binds: the page's model, put by the page
/// (<c>ViewData.Put(Model)</c>) and taken by the partial (<c>ViewData.Take&lt;RecordFormModel&gt;()</c>). The partial's
/// own model is the form, so that <c>asp-for="Title"</c> posts <c>Title</c> as the action binds it.
/// </summary>
public static class PageData
{
    public static void Put<T>(this Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, T value) where T : class =>
        viewData[typeof(T).FullName!] = value;

    public static T Take<T>(this Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) where T : class =>
        viewData[typeof(T).FullName!] as T
        ?? throw new InvalidOperationException($"The page did not put its {typeof(T).Name} in ViewData (ViewData.Put(Model)).");
}
