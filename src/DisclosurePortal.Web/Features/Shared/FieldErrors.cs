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
