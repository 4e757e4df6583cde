using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>A form field written on several lines (a textarea): it may keep line breaks and tabs.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>
/// A form whose action reads ModelState and re-renders the form with its errors and every typed value (checks written in
/// the controller rather than a validator): <see cref="TypedTextFilter"/> leaves the refusal to it, so nothing typed is lost.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RedrawnWithModelStateAttribute : Attribute;

/// <summary>
/// The project's rule for typed text (docs/security.md), in one place: control characters are refused, never stripped
/// (they break XML feeds and exports, and can hide text). Refused: every <see cref="char.IsControl"/> character (tab, CR
/// and LF only outside <see cref="MultiLineAttribute"/> fields), the line and paragraph separators U+2028/U+2029 (an
/// invisible line break that plain-text readers, JSON and the exports treat differently), and the bidirectional
/// embedding, override and isolate controls U+202A–202E and U+2066–2069 (they reorder what is shown: "申请\u202Efdp.exe").
/// The marks U+200E/U+200F stay allowed: they reorder nothing.
/// </summary>
public static class TypedText
{
    /// <summary>Beside the field.</summary>
    public const string FieldMessage = "此栏含有无法显示的控制字符（例如从 Word 等软件粘贴带入的特殊换行符），请删除后重新填写。";

    /// <summary>On the problem page, when there is no form to show it beside.</summary>
    public const string PageMessage = "填写的内容含有无法显示的控制字符（例如从 Word 等软件粘贴带入的特殊换行符），请删除后重新提交。";

    public static bool IsRefused(string? text, bool multiLine) => text is not null && text.Any(c => IsRefused(c, multiLine));

    private static bool IsRefused(char c, bool multiLine) => c switch
    {
        '\t' or '\n' or '\r' => !multiLine,
        '\u2028' or '\u2029' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => char.IsControl(c),
    };

    /// <summary>
    /// The names (as the form posts them: "Body", "Questions[2].Answer", "Table4[3]") of the refused strings in a bound
    /// form model: its settable string properties, lists of them, and the portal's own types inside it.
    /// </summary>
    public static IEnumerable<string> RefusedFields(object? model, string prefix = "") => Walk(model, prefix, depth: 0);

    /// <summary>Puts <see cref="FieldMessage"/> beside each refused field of the model (once); true when there was none.</summary>
    public static bool CheckInto(object? model, ModelStateDictionary modelState, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var clean = true;
        foreach (var field in RefusedFields(model, prefix))
        {
            clean = false;
            if (modelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == FieldMessage)) continue;
            modelState.AddModelError(field, FieldMessage);
        }
        return clean;
    }

    private static IEnumerable<string> Walk(object? model, string prefix, int depth)
    {
        if (model is null || depth > 4 || !IsFormModel(model.GetType())) yield break;
        foreach (var (property, multiLine) in Properties.GetOrAdd(model.GetType(), Bindable))
        {
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var value = property.GetValue(model);
            if (value is string text)
            {
                if (IsRefused(text, multiLine)) yield return name;
            }
            else if (value is IEnumerable items and not string)
            {
                var i = 0;
                foreach (var item in items)
                {
                    var itemName = $"{name}[{i++}]";
                    if (item is string s)
                    {
                        if (IsRefused(s, multiLine)) yield return itemName;
                    }
                    else
                    {
                        foreach (var inner in Walk(item, itemName, depth + 1)) yield return inner;
                    }
                }
            }
            else
            {
                foreach (var inner in Walk(value, name, depth + 1)) yield return inner;
            }
        }
    }

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool MultiLine)[]> Properties = new();

    private static (PropertyInfo, bool)[] Bindable(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p is { CanRead: true, CanWrite: true } && p.GetIndexParameters().Length == 0
                        && p.GetCustomAttribute<BindNeverAttribute>() is null)
            .Select(p => (p, p.GetCustomAttribute<MultiLineAttribute>() is not null)),
    ];

    /// <summary>The portal's own form types; framework types (files, tokens) are not typed text.</summary>
    private static bool IsFormModel(Type type) =>
        type.IsClass && type != typeof(string) && type.Assembly == typeof(TypedText).Assembly;

    internal static bool IsMultiLine(ControllerParameterDescriptor parameter) =>
        parameter.ParameterInfo.GetCustomAttribute<MultiLineAttribute>() is not null;
}

/// <summary>
/// Applies <see cref="TypedText"/> to every form post, once, for every action (registered in Program.cs). It runs after
/// model binding and validation, and puts the message beside each refused field in ModelState (a form validated while
/// binding has it already: <see cref="FormValidationInterceptor"/> applies the rule just before the validator, and it is
/// not added twice). A form model with a validator then reaches its action, which re-renders the form with the message
/// and everything typed (a form its action validates goes through <see cref="Validation.ValidateIntoAsync"/>, which
/// applies the rule again); so does a form marked <see cref="RedrawnWithModelStateAttribute"/>. Anything else (a bare
/// <c>reason</c> or <c>comment</c> parameter, a form without a validator) is refused here with a 400 and the Chinese
/// message: an action that never looks at ModelState cannot store the text.
/// </summary>
public sealed class TypedTextFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType) return;
        var refuse = false;
        foreach (var parameter in context.ActionDescriptor.Parameters.OfType<ControllerParameterDescriptor>())
        {
            if (!context.ActionArguments.TryGetValue(parameter.Name, out var value) || value is null) continue;
            var source = parameter.BindingInfo?.BindingSource;
            if (source is not null && source != BindingSource.Form && source != BindingSource.ModelBinding) continue; // services, route, body...
            if (value is string text)
            {
                var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
                // Route values and query strings are not typed text (their own parsers refuse what they cannot read).
                if (!request.Form.ContainsKey(name) || !TypedText.IsRefused(text, TypedText.IsMultiLine(parameter))) continue;
                context.ModelState.AddModelError(name, TypedText.FieldMessage);
                refuse = true;
            }
            else if (!TypedText.CheckInto(value, context.ModelState))
            {
                var validator = typeof(IValidator<>).MakeGenericType(value.GetType());
                refuse |= context.HttpContext.RequestServices.GetService(validator) is null
                          && !value.GetType().IsDefined(typeof(RedrawnWithModelStateAttribute), inherit: false);
            }
        }
        if (refuse && context.Controller is Controller controller)
        {
            var page = controller.View("Problem", new Features.Shared.ProblemModel(StatusCodes.Status400BadRequest, "请求有误", TypedText.PageMessage, []));
            page.StatusCode = StatusCodes.Status400BadRequest;
            context.Result = page;
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
