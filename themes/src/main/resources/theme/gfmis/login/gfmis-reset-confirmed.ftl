<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: gfmis-reset-confirmed.ftl -->
    <#if section = "header">
        ${msg("gfmisResetTitle")}
    <#elseif section = "form">
        <form id="gfmis-reset-confirmed-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              onsubmit="var b = this.querySelector('#gfmis-request-password'); setTimeout(function () { b.disabled = true; }); return true;">
            <p id="gfmis-data-confirmed">${msg("gfmisDataConfirmed")}
                <button id="gfmis-edit" class="pf-v5-c-button pf-m-link pf-m-inline" type="submit" name="action" value="edit">${msg("gfmisClickToEdit")}</button>
                ${msg("gfmisEditNeedsNewOtp")}</p>
            <p>${msg("gfmisPasswordWillGoTo", gfmisEmail)}</p>
            <@buttons.actionGroup>
                <@buttons.button id="gfmis-request-password" name="action" label="gfmisRequestNewPassword" value="send"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
