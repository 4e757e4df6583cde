using DisclosurePortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace DisclosurePortal.Web.Infrastructure.Security;

/// <summary>
/// A form refused by the antiforgery check (a page left open past its token, a session ended elsewhere, a forged post)
/// answers 400 with a page that says so, and how not to lose the text: nothing was saved, the browser's "back" returns to
/// the form as it was typed. Without it the visitor saw only the generic "请求有误".
/// </summary>
public sealed class AntiforgeryFailurePage(IModelMetadataProvider metadata) : IAlwaysRunResultFilter
{
    public const string Title = "表单已失效";

    public const string Message =
        "表单已失效，没有保存任何内容：页面打开时间过长、已在别处退出登录，或表单不是从本网站提交的。请用浏览器的“后退”回到表单（填写的内容通常仍在），先复制较长的内容，再刷新页面后重新提交。";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is not IAntiforgeryValidationFailedResult) return;
        context.Result = new ViewResult
        {
            ViewName = "Problem",
            StatusCode = StatusCodes.Status400BadRequest,
            ViewData = new ViewDataDictionary(metadata, context.ModelState)
            {
                Model = new ProblemModel(StatusCodes.Status400BadRequest, Title, Message, []),
            },
        };
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
