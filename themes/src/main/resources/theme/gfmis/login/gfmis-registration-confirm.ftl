<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('otp','password','password-confirm'); section>
<!-- template: gfmis-registration-confirm.ftl -->
    <#if section = "header">
        ${msg("gfmisRegistrationConfirmTitle")}
    <#elseif section = "form">
        <dl id="gfmis-registration-summary" class="gfmis-summary">
            <dt>${msg("gfmisUserId")}</dt><dd id="gfmis-summary-user-id">${gfmisUserId}</dd>
            <dt>${msg("gfmisRegistrationProvenName")}</dt><dd id="gfmis-summary-name">${gfmisProvenName!''}</dd>
            <dt>${msg("gfmisCitizenId")}</dt><dd id="gfmis-summary-cid">&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;&bull;${gfmisCitizenIdLastFour!''}</dd>
            <dt>${msg("gfmisEmail")}</dt><dd id="gfmis-summary-email">${gfmisEmail!''}</dd>
            <dt>${msg("gfmisRegistrationOrder")}</dt>
            <dd id="gfmis-summary-order"><#if gfmisOrderName??>${gfmisOrderName}<#elseif gfmisOrderRefused??>${msg("gfmisRegistrationOrderRefused")} ${msg(gfmisOrderRefused)}</#if></dd>
            <dt>${msg("gfmisRegistrationKind")}</dt><dd id="gfmis-summary-kind">${msg("gfmisRegistrationKind" + (gfmisKind!'NEW_HOLDER'))}</dd>
        </dl>
        <form id="gfmis-registration-confirm-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#if gfmisReference??>
                <p id="gfmis-otp-sent">${msg("gfmisOtpSentTo", gfmisEmail)}</p>
                <p id="gfmis-otp-reference">${msg("gfmisOtpReference")} <strong id="gfmis-reference">${gfmisReference}</strong>
                    &middot; ${msg("gfmisOtpValidUntil", gfmisExpiresAt)}</p>
                <@field.input name="otp" label=msg("gfmisOtp") autocomplete="one-time-code" autofocus=true />
                <#if gfmisSetsPassword>
                    <@field.password name="password" label=msg("password") autocomplete="new-password" />
                    <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
                </#if>
                <@buttons.actionGroup>
                    <@buttons.button id="gfmis-registration-submit" name="action" label="gfmisRegistrationSubmit" value="confirm"/>
                </@buttons.actionGroup>
            </#if>
            <@buttons.actionGroup horizontal=true>
                <@buttons.button id="gfmis-resend-otp" name="action" label="gfmisResendOtp" value="resend" type="secondary"/>
                <@buttons.buttonLink href=url.loginRestartFlowUrl label="gfmisProofingStartOver"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisOtpInfo")}</span>
    </#if>
</@layout.registrationLayout>
