<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=true displayMessage=!messagesPerField.existsError('userId','citizenId','email'); section>
<!-- template: gfmis-reset-identify.ftl -->
    <#if section = "header">
        ${msg("gfmisResetTitle")}
    <#elseif section = "form">
        <p id="gfmis-reset-instruction">${msg("gfmisResetInstruction")}</p>
        <form id="gfmis-reset-identify-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate"
              onsubmit="var b = this.querySelector('#gfmis-request-otp'); setTimeout(function () { b.disabled = true; }); return true;">
            <@field.input name="userId" label=msg("gfmisUserId") value=(gfmisReset.userId)!'' autocomplete="username" autofocus=true />
            <@field.input name="citizenId" label=msg("gfmisCitizenId") value=(gfmisReset.citizenId)!'' autocomplete="off" />
            <@field.input name="email" label=msg("gfmisEmail") value=(gfmisReset.email)!'' autocomplete="email" />
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-request-otp" name="action" label="gfmisRequestOtp" value="identify"/>
                <@buttons.buttonLink href=url.loginUrl label="backToLogin"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "info">
        <span class="${properties.kcLoginMainFooterHelperText!}">${msg("gfmisResetInfo")}</span>
    </#if>
</@layout.registrationLayout>
