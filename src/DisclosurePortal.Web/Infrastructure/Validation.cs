using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Every validator in this assembly is registered by FluentValidation's DI extensions, and a controller runs it
/// explicitly and copies the errors into ModelState, so the form is re-rendered with the messages beside the fields and
/// every value the user typed.
/// </summary>
public static class Validation
{
    public static IServiceCollection AddPortalValidators(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<SharedResource>();

    /// <summary>
    /// Runs the validator; returns true when the model is valid. Errors land under the property names. The typed-text
    /// rule is applied to the model again first: an action may have cleared ModelState since binding.
    /// </summary>
    public static async Task<bool> ValidateIntoAsync<T>(this IValidator<T> validator, T model, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        var typed = TypedText.CheckInto(model, modelState);
        var result = await validator.ValidateAsync(model, ct);
        foreach (var error in result.Errors)
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        return typed && result.IsValid && modelState.IsValid;
    }
}
