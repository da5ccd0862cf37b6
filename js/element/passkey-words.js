// The words of the passkey step (passkey.js) in the shipped languages other
// than English (which passkey.js carries), loaded the first time the step is
// shown in one of them; a host's `translations` for these keys win.

export default {
  de: {
    passkeyTitle: "Passkey hinzufügen",
    passkeyText: "Mit einem Passkey melden Sie sich per Fingerabdruck, Gesicht oder Bildschirmsperre an statt mit Passwort oder Code. Er bleibt auf Ihrem Gerät.",
    passkeyAdd: "Passkey hinzufügen",
    passkeyAdding: "Wird hinzugefügt…",
    passkeySkip: "Nicht jetzt",
    passkeyCancelled: "Es wurde kein Passkey hinzugefügt. Sie können es erneut versuchen oder ohne fortfahren.",
    passkeyAdded: "Ihr Konto ist bereit, und Ihr Passkey ist hinzugefügt: Melden Sie sich beim nächsten Mal damit an.",
  },
  fr: {
    passkeyTitle: "Ajouter une clé d’accès",
    passkeyText: "Une clé d’accès vous permet de vous connecter avec votre empreinte, votre visage ou le verrouillage de l’écran, sans mot de passe ni code. Elle reste sur votre appareil.",
    passkeyAdd: "Ajouter une clé d’accès",
    passkeyAdding: "Ajout…",
    passkeySkip: "Pas maintenant",
    passkeyCancelled: "Aucune clé d’accès n’a été ajoutée. Vous pouvez réessayer, ou continuer sans.",
    passkeyAdded: "Votre compte est prêt et votre clé d’accès est ajoutée : utilisez-la pour vous connecter la prochaine fois.",
  },
  es: {
    passkeyTitle: "Añade una llave de acceso",
    passkeyText: "Una llave de acceso te permite iniciar sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña o un código. Se queda en tu dispositivo.",
    passkeyAdd: "Añadir llave de acceso",
    passkeyAdding: "Añadiendo…",
    passkeySkip: "Ahora no",
    passkeyCancelled: "No se añadió ninguna llave de acceso. Puedes intentarlo de nuevo o continuar sin ella.",
    passkeyAdded: "Tu cuenta está lista y tu llave de acceso añadida: úsala para iniciar sesión la próxima vez.",
  },
  ja: {
    passkeyTitle: "パスキーを追加",
    passkeyText: "パスキーを使うと、パスワードやコードの代わりに指紋、顔、画面ロックでサインインできます。パスキーはお使いの端末に保存されます。",
    passkeyAdd: "パスキーを追加",
    passkeyAdding: "追加しています…",
    passkeySkip: "今はしない",
    passkeyCancelled: "パスキーは追加されませんでした。もう一度試すか、パスキーなしで続けられます。",
    passkeyAdded: "アカウントの準備ができ、パスキーが追加されました。次回はパスキーでサインインしてください。",
  },
  ar: {
    passkeyTitle: "إضافة مفتاح مرور",
    passkeyText: "يتيح لك مفتاح المرور تسجيل الدخول ببصمتك أو وجهك أو قفل الشاشة بدلًا من كلمة مرور أو رمز. ويبقى على جهازك.",
    passkeyAdd: "إضافة مفتاح مرور",
    passkeyAdding: "جارٍ الإضافة…",
    passkeySkip: "ليس الآن",
    passkeyCancelled: "لم تتم إضافة مفتاح مرور. يمكنك المحاولة مرة أخرى أو المتابعة بدونه.",
    passkeyAdded: "حسابك جاهز وتمت إضافة مفتاح المرور: استخدمه لتسجيل الدخول في المرة القادمة.",
  },
};
