using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// FluentValidation.AspNetCore runs validators synchronously while binding and throws on an asynchronous rule (ADR 25):
/// a validator with a database rule (MustAsync, an async condition) must be an <see cref="IDatabaseValidator"/>, which
/// keeps it out of automatic validation; otherwise its form would answer 500 on the first post.
/// </summary>
public sealed class ValidatorRegistrationTests(EmptySqlitePortal factory) : IClassFixture<EmptySqlitePortal>
{
    [Fact]
    public void EveryValidatorWithAnAsynchronousRule_IsValidatedByItsAction_NotWhileBinding()
    {
        var types = typeof(IDatabaseValidator).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(types);
        using var scope = factory.Services.CreateScope();
        var automatic = new List<string>();
        foreach (var type in types)
        {
            var validator = (IEnumerable<IValidationRule>)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            var asynchronous = validator.SelectMany(rule => rule.Components)
                .Any(c => c.HasAsyncCondition || (Implements(c.Validator, typeof(IAsyncPropertyValidator<,>)) && !Implements(c.Validator, typeof(IPropertyValidator<,>))));
            if (asynchronous && !typeof(IDatabaseValidator).IsAssignableFrom(type)) automatic.Add(type.Name);
        }
        Assert.True(automatic.Count == 0, $"Asynchronous rules in validators run while binding (mark them IDatabaseValidator): {string.Join(", ", automatic)}");
        Assert.Contains(types, t => typeof(IDatabaseValidator).IsAssignableFrom(t));
    }

    /// <summary>Whether a rule's validator is of the generic interface (MustAsync's is asynchronous only).</summary>
    private static bool Implements(object validator, Type generic) =>
        validator.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);
}
