using System.Globalization;
using DisclosurePortal.Domain.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A page's query string (and route values) read into one typed record, in one place: an action takes the record as a
/// parameter and never parses text. Bad input does not reach the action: <see cref="QueryProblemFilter"/> answers it
/// with the Chinese problem page and the status the record's reader chose (OrchardCore binds its audit-trail filters
/// the same way).
/// </summary>
public interface IQueryFilter<TSelf> where TSelf : IQueryFilter<TSelf>
{
    /// <summary>Reads the filter; a value that does not fit is reported to <paramref name="query"/> (the first one wins).</summary>
    static abstract TSelf Read(QueryReader query);
}

/// <summary>Why a query string was refused: a localizer key with {0}-style placeholders, and the status (400 or 404).</summary>
public sealed record QueryProblem(int Status, string Message, object[] Args);

/// <summary>
/// The readers of the portal's query-string values: page numbers, dates (yyyy-MM-dd), months (yyyy-MM), years,
/// ids, enum codes. Each reads one kind of value the same way everywhere; the message is the caller's.
/// </summary>
public sealed class QueryReader(IValueProvider values)
{
    public QueryProblem? Problem { get; private set; }

    /// <summary>The raw value, trimmed; null when absent or blank.</summary>
    public string? Text(string key) =>
        values.GetValue(key).FirstValue is { } raw && raw.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>
    /// The values as sent, untrimmed: for a reader that must tell "absent" from "blank" or show back what was typed
    /// (an empty value is blank text, not absent).
    /// </summary>
    public ValueProviderResult Raw(string key) => values.GetValue(key);

    /// <summary>Records why the query cannot be answered (the first problem is the one shown).</summary>
    public void Refuse(string message, params object[] args) => Problem ??= new QueryProblem(StatusCodes.Status400BadRequest, message, args);

    /// <summary>Records that what the query asks for does not exist (404).</summary>
    public void NotFound(string message, params object[] args) => Problem ??= new QueryProblem(StatusCodes.Status404NotFound, message, args);

    /// <summary>A page number: absent means 1; otherwise a whole number from 1 to <see cref="Paging.MaxPage"/>.</summary>
    public int Page(string key = "page")
    {
        if (Paging.TryRead(values.GetValue(key).FirstValue, out var page)) return page;
        Refuse("页码应为 1 到 {0} 之间的整数。", Paging.MaxPage);
        return 1;
    }

    /// <summary>A positive whole number (an id); null when absent.</summary>
    public int? Id(string key, string message, params object[] args)
    {
        if (Text(key) is not { } raw) return null;
        if (TryPositive(raw, out var id)) return id;
        Refuse(message, args);
        return null;
    }

    /// <summary>A year of the portal's calendars (<see cref="CalendarFile.MinYear"/>–<see cref="CalendarFile.MaxYear"/>); null when absent.</summary>
    public int? Year(string key, string message, params object[] args)
    {
        if (Text(key) is not { } raw) return null;
        if (TryYear(raw, out var year)) return year;
        Refuse(message, args);
        return null;
    }

    /// <summary>A date written yyyy-MM-dd; null when absent.</summary>
    public DateOnly? Date(string key, string message, params object[] args)
    {
        if (Text(key) is not { } raw) return null;
        if (TryDate(raw, out var date)) return date;
        Refuse(message, args);
        return null;
    }

    /// <summary>A month written yyyy-MM, as its first day; null when absent.</summary>
    public DateOnly? Month(string key, string message, params object[] args)
    {
        if (Text(key) is not { } raw) return null;
        if (TryDate(raw + "-01", out var first)) return first;
        Refuse(message, args);
        return null;
    }

    /// <summary>A defined member of <typeparamref name="TEnum"/> by its name (any case); null when absent.</summary>
    public TEnum? Enum<TEnum>(string key, string message, params object[] args) where TEnum : struct, Enum
    {
        if (Text(key) is not { } raw) return null;
        if (TryEnum<TEnum>(raw, out var value)) return value;
        Refuse(message, args);
        return null;
    }

    /// <summary>A whole number when one is given; an unreadable value is no filter (null), as MVC's binder of an int? left it.</summary>
    public int? OptionalInt(string key) =>
        int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Digits only: a count or a code (no sign, no spaces).</summary>
    public static bool TryWhole(string raw, out int value) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>A defined member of <typeparamref name="TEnum"/> by its number only (the code a form's option carries).</summary>
    public static bool TryCode<TEnum>(string raw, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (!TryWhole(raw, out var number)) return false;
        value = (TEnum)System.Enum.ToObject(typeof(TEnum), number);
        return System.Enum.IsDefined(value);
    }

    public static bool TryPositive(string raw, out int value) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    public static bool TryYear(string raw, out int year)
    {
        year = 0;
        return raw.Length == 4 && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out year) && CalendarFile.IsValidYear(year);
    }

    public static bool TryDate(string raw, out DateOnly date) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A defined member by its name (any case) or its number.</summary>
    public static bool TryEnum<TEnum>(string raw, out TEnum value) where TEnum : struct, Enum =>
        System.Enum.TryParse(raw, ignoreCase: true, out value) && System.Enum.IsDefined(value);
}

/// <summary>A listing whose only query value is its page (staff lists: accounts, departments).</summary>
public sealed record PageFilter(int Page) : IQueryFilter<PageFilter>
{
    public static PageFilter Read(QueryReader q) => new(q.Page());
}

/// <summary>Binds every <see cref="IQueryFilter{TSelf}"/> parameter from the route and the query string.</summary>
public sealed class QueryFilterBinder<T> : IModelBinder where T : IQueryFilter<T>
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var reader = new QueryReader(bindingContext.ValueProvider);
        var filter = T.Read(reader);
        if (reader.Problem is { } problem) bindingContext.HttpContext.Items[typeof(QueryProblem)] = problem;
        // Read is the whole validation of a filter: MVC's validator must not walk its values (a Quarter's Previous never ends).
        bindingContext.ValidationState[filter] = new ValidationStateEntry { SuppressValidation = true };
        bindingContext.Result = ModelBindingResult.Success(filter);
        return Task.CompletedTask;
    }
}

public sealed class QueryFilterBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.ModelType;
        var isFilter = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryFilter<>) && i.GetGenericArguments()[0] == type);
        return isFilter ? (IModelBinder)Activator.CreateInstance(typeof(QueryFilterBinder<>).MakeGenericType(type))! : null;
    }
}

/// <summary>A query a binder refused is answered here, before the action runs: the problem page, in Chinese, with its status.</summary>
public sealed class QueryProblemFilter(IModelMetadataProvider metadata) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.Items[typeof(QueryProblem)] is not QueryProblem problem) return;
        var title = problem.Status == StatusCodes.Status404NotFound ? "页面不存在" : "请求有误";
        context.Result = new ViewResult
        {
            ViewName = "Problem",
            StatusCode = problem.Status,
            ViewData = new ViewDataDictionary<ProblemModel>(metadata, context.ModelState) { Model = new ProblemModel(problem.Status, title, problem.Message, problem.Args) },
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
