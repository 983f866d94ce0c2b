<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "password-validation.ftl" as validator>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password-new'); section>
<!-- template: gfmis-change-temporary-password.ftl -->
    <#if section = "header">
        ${msg("gfmisChangeTemporaryPasswordTitle")}
    <#elseif section = "form">
        <p id="gfmis-change-instruction">${msg("gfmisChangeTemporaryPasswordInstruction")}</p>
        <form id="gfmis-change-password-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") autocomplete="new-password" autofocus=true />
            <@field.password name="password-confirm" label=msg("passwordConfirm") fieldName="password-new" autocomplete="new-password" />
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-change-password" name="login" label="doSubmit"/>
            </@buttons.actionGroup>
        </form>
        <@validator.templates/>
        <@validator.script field="password-new"/>
    </#if>
</@layout.registrationLayout>
