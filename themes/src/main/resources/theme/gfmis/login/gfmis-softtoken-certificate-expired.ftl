<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
<!-- template: gfmis-softtoken-certificate-expired.ftl -->
    <#if section = "header">
        ${msg("gfmisSoftTokenCertExpiredTitle")}
    <#elseif section = "form">
        <div id="gfmis-softtoken-certificate-expired" role="alert">
            <p id="gfmis-softtoken-expired-at">${msg("gfmisSoftTokenCertExpired", gfmisExpiredAt)}</p>
            <p>${msg("gfmisSoftTokenCertExpiredWhatToDo")}</p>
            <p>${msg("gfmisSoftTokenCertExpiredNextTime")}</p>
        </div>
        <p><a id="gfmis-softtoken-restart" href="${url.loginRestartFlowUrl}">${msg("gfmisSoftTokenRestart")}</a></p>
    </#if>
</@layout.registrationLayout>
