using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Features.Shared;

/// <summary>
/// Localizes the messages MVC writes on its own: model binding errors ("abc" for a number) and the implicit
/// [Required] of non-nullable properties. The field name MVC passes in is already the localized display name
/// (from <c>[Display(Name = ...)]</c>).
/// </summary>
public sealed class ModelBindingMessages(IStringLocalizer<SharedResource> text) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["The value '{0}' is not valid for {1}.", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => text["A value for {0} was not provided.", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["A value is required."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["A value is required."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["The value is not valid."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["The field must be a number."]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["The value is not valid for {0}.", field]);
        messages.SetValueIsInvalidAccessor(value => text["The value '{0}' is not valid.", value]);
        messages.SetValueMustBeANumberAccessor(field => text["The field {0} must be a number.", field]);
        messages.SetValueMustNotBeNullAccessor(value => text["A value is required."]);
        options.ModelMetadataDetailsProviders.Add(new ImplicitRequiredMessage());
    }

    /// <summary>
    /// MVC treats a non-nullable string property as [Required] even without the attribute. That implicit
    /// attribute has no ErrorMessage, and MVC only localizes an ErrorMessage, so it would show its English
    /// default ("The Title field is required."). Give it the message an explicit [Required] uses.
    /// </summary>
    private sealed class ImplicitRequiredMessage : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var required in context.ValidationMetadata.ValidatorMetadata.OfType<RequiredAttribute>())
            {
                if (string.IsNullOrEmpty(required.ErrorMessage) && string.IsNullOrEmpty(required.ErrorMessageResourceName))
                {
                    required.ErrorMessage = "Please enter {0}.";
                }
            }
        }
    }
}
