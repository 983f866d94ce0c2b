<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('otp'); section>
<!-- template: gfmis-reset-otp.ftl -->
    <#if section = "header">
        ${msg("gfmisResetTitle")}
    <#elseif section = "form">
        <form id="gfmis-reset-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if gfmisReference??>
                <p id="gfmis-otp-sent">${msg("gfmisOtpSentTo", gfmisEmail)}</p>
                <p id="gfmis-otp-reference">${msg("gfmisOtpReference")} <strong id="gfmis-reference">${gfmisReference}</strong>
                    &middot; ${msg("gfmisOtpValidUntil", gfmisExpiresAt)}</p>
                <@field.input name="otp" label=msg("gfmisOtp") autocomplete="one-time-code" autofocus=true />
                <@buttons.actionGroup>
                    <@buttons.button id="gfmis-verify-otp" name="action" label="gfmisVerifyOtp" value="verify"/>
                </@buttons.actionGroup>
            </#if>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="gfmis-resend-otp" name="action" label=(gfmisSendFailed??)?then("gfmisTryAgain","gfmisResendOtp") value="resend" type="secondary"/>
                <@buttons.button id="gfmis-edit" name="action" label="gfmisEditData" value="edit" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisOtpInfo")}</span>
    </#if>
</@layout.registrationLayout>
