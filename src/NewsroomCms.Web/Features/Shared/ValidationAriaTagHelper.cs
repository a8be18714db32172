using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NewsroomCms.Web.Features.Shared;

/// <summary>
/// Ties a field to its error message for screen readers: a field with an error gets
/// <c>aria-invalid="true"</c> and <c>aria-describedby</c> pointing at the message, which gets a matching id.
/// Runs after the built-in tag helpers (higher order), so the field's id and name are already there.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("span", Attributes = ValidationForAttribute)]
public sealed class ValidationAriaTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string ValidationForAttribute = "asp-validation-for";

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(ValidationForAttribute)]
    public ModelExpression? ValidationFor { get; set; }

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var expression = For ?? ValidationFor;
        if (expression is null)
        {
            return;
        }

        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);
        var errorId = TagBuilder.CreateSanitizedId(name, "_") + "-error";
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", errorId);
            return;
        }

        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {errorId}" : errorId;
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }
    }
}
