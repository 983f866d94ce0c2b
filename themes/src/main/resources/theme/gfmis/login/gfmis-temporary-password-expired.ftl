<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: gfmis-temporary-password-expired.ftl -->
    <#if section = "header">
        ${msg("gfmisTemporaryPasswordExpiredTitle")}
    <#elseif section = "form">
        <p id="gfmis-temporary-password-expired">${msg("gfmisTemporaryPasswordExpired")}</p>
        <@buttons.actionGroup>
            <@buttons.buttonLink id="gfmis-back-to-login" href=url.loginRestartFlowUrl label="backToLogin" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
        </@buttons.actionGroup>
    </#if>
</@layout.registrationLayout>
