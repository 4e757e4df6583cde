using DisclosurePortal.Domain;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A use case that changes something is one file in its feature: its input, its validator and a plain handler class
/// (named <c>…Handler</c>) the action calls directly. No mediator (STYLE.md): handlers are registered by this
/// convention and injected into the actions that use them with <c>[FromServices]</c>.
/// </summary>
public static class UseCases
{
    public static IServiceCollection AddUseCaseHandlers(this IServiceCollection services)
    {
        var handlers = typeof(UseCases).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                        && t.Namespace?.StartsWith("DisclosurePortal.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers) services.AddScoped(handler);
        return services;
    }
}

/// <summary>Why a use case did not happen: a message a person can read (a localizer key with {0}-style arguments), and the status.</summary>
public sealed record Refusal(string Message, int Status = StatusCodes.Status400BadRequest, params object[] Args)
{
    public static Refusal NotFound(string message, params object[] args) => new(message, StatusCodes.Status404NotFound, args);

    public static Refusal Conflict(string message, params object[] args) => new(message, StatusCodes.Status409Conflict, args);
}

/// <summary>What a handler answers: done (with its result), or refused with the reason.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public bool Done => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

public static class Outcome
{
    /// <summary>
    /// Runs a state change and turns the Domain's refusal (an illegal transition, a missing element) into a
    /// <see cref="Refusal"/>: the one place a <see cref="DomainException"/> is caught on the way to a page.
    /// </summary>
    public static async Task<Outcome<T>> Try<T>(Func<Task<Outcome<T>>> work)
    {
        try
        {
            return await work();
        }
        catch (DomainException e)
        {
            return new Refusal(e.Message);
        }
    }

    public static Outcome<T> Try<T>(Func<Outcome<T>> work)
    {
        try
        {
            return work();
        }
        catch (DomainException e)
        {
            return new Refusal(e.Message);
        }
    }
}
