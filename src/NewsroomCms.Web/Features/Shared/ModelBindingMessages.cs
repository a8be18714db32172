using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Features.Shared;

/// <summary>
/// Localizes the messages model binding writes when a value cannot be read ("abc" for a number).
/// The field name MVC passes in is already the localized display name (from <c>[Display(Name = ...)]</c>).
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
    }
}
