using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// A validator whose rules read the database (<c>MustAsync</c>). ASP.NET Core's model validation is synchronous and
/// FluentValidation.AspNetCore refuses to run asynchronous rules in it, so its form is left out of automatic validation
/// and the action calls <see cref="Validation.ValidateIntoAsync"/> (ADR 25).
/// </summary>
public interface IDatabaseValidator;

/// <summary>
/// The binder's generic message for a value that does not fit ("“abc”不是有效的值。") is dropped before the validator
/// runs, which says what is wrong in the form's own words. On a property: that field; on a form class: all its fields.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class ValidatorExplainsAttribute : Attribute;

/// <summary>
/// FluentValidation through FluentValidation.AspNetCore (ADR 25): every validator in this assembly is registered by
/// FluentValidation's DI extensions, and MVC runs a form's validator while binding it, so the action reads
/// <c>ModelState.IsValid</c> and re-renders the form with the messages beside the fields and every value typed. A form
/// whose validator is an <see cref="IDatabaseValidator"/> is validated by its action instead.
/// </summary>
public static class Validation
{
    public static IServiceCollection AddPortalValidation(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<SharedResource>();
        var validatedByAction = AssemblyScanner.FindValidatorsInAssemblyContaining<SharedResource>()
            .Where(v => typeof(IDatabaseValidator).IsAssignableFrom(v.ValidatorType))
            .Select(v => v.InterfaceType.GetGenericArguments()[0])
            .ToHashSet();
        services.AddFluentValidationAutoValidation(o => o.Filter = type => !validatedByAction.Contains(type));
        services.AddSingleton<IValidatorInterceptor, FormValidationInterceptor>();
        return services;
    }

    /// <summary>
    /// For a form its action validates (an <see cref="IDatabaseValidator"/>'s, or one whose rules need what the action
    /// reads first): runs the validator; returns true when the model is valid. Errors land under the property names,
    /// after the typed-text rule's, as automatic validation puts them.
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

/// <summary>
/// What happens to an automatically validated form just before its validator runs, in one step with it: binding errors
/// the validator explains (<see cref="ValidatorExplainsAttribute"/>) are dropped, then the typed-text rule puts its message
/// beside each refused field, so it comes first there, as it always has; then the validator adds its own.
/// </summary>
internal sealed class FormValidationInterceptor : IValidatorInterceptor
{
    public IValidationContext BeforeAspNetValidation(ActionContext actionContext, IValidationContext commonContext)
    {
        var model = commonContext.InstanceToValidate;
        var modelState = actionContext.ModelState;
        var type = model.GetType();
        var wholeForm = type.IsDefined(typeof(ValidatorExplainsAttribute), inherit: false);
        foreach (var property in type.GetProperties())
        {
            if (!wholeForm && !property.IsDefined(typeof(ValidatorExplainsAttribute), inherit: false)) continue;
            foreach (var key in modelState.FindKeysWithPrefix(property.Name).Select(e => e.Key).ToList())
                modelState.Remove(key);
        }
        TypedText.CheckInto(model, modelState);
        return commonContext;
    }

    public FluentValidation.Results.ValidationResult AfterAspNetValidation(
        ActionContext actionContext, IValidationContext validationContext, FluentValidation.Results.ValidationResult result) => result;
}
