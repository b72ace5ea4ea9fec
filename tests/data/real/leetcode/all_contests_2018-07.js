module.exports = {
    "data": {
        "brightTitle": false,
        "allContests": [
            {
                "containsPremium": false,
                "title": "Weekly Contest 91",
                "cardImg": null,
                "titleSlug": "weekly-contest-91",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 91th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1530408600,
                "duration": 5400,
                "originStartTime": 1530408600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 90",
                "cardImg": null,
                "titleSlug": "weekly-contest-90",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 90th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1529803800,
                "duration": 5400,
                "originStartTime": 1529803800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 89",
                "cardImg": null,
                "titleSlug": "weekly-contest-89",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 89th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1529199000,
                "duration": 5400,
                "originStartTime": 1529199000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 88",
                "cardImg": null,
                "titleSlug": "weekly-contest-88",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 88th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1528594200,
                "duration": 5400,
                "originStartTime": 1528594200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 87",
                "cardImg": null,
                "titleSlug": "weekly-contest-87",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 87th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1527989400,
                "duration": 5400,
                "originStartTime": 1527989400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 86",
                "cardImg": null,
                "titleSlug": "weekly-contest-86",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 86th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1527384600,
                "duration": 5400,
                "originStartTime": 1527384600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 85",
                "cardImg": null,
                "titleSlug": "weekly-contest-85",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 85th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1526779800,
                "duration": 5400,
                "originStartTime": 1526779800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 84",
                "cardImg": null,
                "titleSlug": "weekly-contest-84",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 84th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1526175000,
                "duration": 5400,
                "originStartTime": 1526175000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 83",
                "cardImg": null,
                "titleSlug": "weekly-contest-83",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 83rd LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1525570200,
                "duration": 5400,
                "originStartTime": 1525570200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 82",
                "cardImg": null,
                "titleSlug": "weekly-contest-82",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 82nd LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1524965400,
                "duration": 5400,
                "originStartTime": 1524965400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 81",
                "cardImg": null,
                "titleSlug": "weekly-contest-81",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 81st LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1524360600,
                "duration": 5400,
                "originStartTime": 1524360600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 80",
                "cardImg": null,
                "titleSlug": "weekly-contest-80",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 80th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1523755800,
                "duration": 5400,
                "originStartTime": 1523755800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 79",
                "cardImg": null,
                "titleSlug": "weekly-contest-79",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 79th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1523151000,
                "duration": 5400,
                "originStartTime": 1523151000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 78",
                "cardImg": null,
                "titleSlug": "weekly-contest-78",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 78th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1522546200,
                "duration": 5400,
                "originStartTime": 1522546200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 77",
                "cardImg": null,
                "titleSlug": "weekly-contest-77",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 77th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1521941400,
                "duration": 5400,
                "originStartTime": 1521941400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 76",
                "cardImg": null,
                "titleSlug": "weekly-contest-76",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 76th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1521336600,
                "duration": 5400,
                "originStartTime": 1521336600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 75",
                "cardImg": null,
                "titleSlug": "weekly-contest-75",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 75th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1520735400,
                "duration": 5400,
                "originStartTime": 1520735400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 74",
                "cardImg": null,
                "titleSlug": "weekly-contest-74",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 74th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1520130600,
                "duration": 5400,
                "originStartTime": 1520130600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 73",
                "cardImg": null,
                "titleSlug": "weekly-contest-73",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-ad-area .bg {\r\n    background-image: url('https://www.appacademy.io/assets/shared/hero/immersive-a0b8bdad90cac70424e351816e53f420a74a369c7824ab4b512de6801146da98.jpg');\r\n    background-size: cover;\r\n    padding: 50px 20px;\r\n    border-radius: 5px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 73th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1519525800,
                "duration": 5400,
                "originStartTime": 1519525800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 72",
                "cardImg": null,
                "titleSlug": "weekly-contest-72",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-ad-area .bg {\r\n    background-image: url('https://www.appacademy.io/assets/shared/hero/immersive-a0b8bdad90cac70424e351816e53f420a74a369c7824ab4b512de6801146da98.jpg');\r\n    background-size: cover;\r\n    padding: 50px 20px;\r\n    border-radius: 5px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 72th LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1518921000,
                "duration": 5400,
                "originStartTime": 1518921000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 71",
                "cardImg": null,
                "titleSlug": "weekly-contest-71",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-ad-area .bg {\r\n    background-image: url('https://www.appacademy.io/assets/shared/hero/immersive-a0b8bdad90cac70424e351816e53f420a74a369c7824ab4b512de6801146da98.jpg');\r\n    background-size: cover;\r\n    padding: 50px 20px;\r\n    border-radius: 5px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            <h3 class=\"text-300\">\r\n                Welcome to the 71st LeetCode Weekly Contest\r\n            </h3>\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n            <br><br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n   </div>\r\n</div>\r\n<hr>\r\n<p><b>Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.</b></p>",
                "startTime": 1518316200,
                "duration": 5400,
                "originStartTime": 1518316200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 70",
                "cardImg": "https://s3-lc-upload.s3.amazonaws.com/contest/weekly-contest-70/card_img",
                "titleSlug": "weekly-contest-70",
                "description": "<style>\r\n.contest-information ol:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information ul:not(.list-group) {\r\n    padding-left: 20px;\r\n}\r\n.contest-information li:not(.list-group-item) {\r\n    margin-top: 5px;\r\n}\r\n\r\n.contest-information .list-group .list-group-item {\r\n    border: none;\r\n    margin-bottom: 1px;\r\n}\r\n.contest-ad-area .bg {\r\n    background-image: url('https://www.appacademy.io/assets/shared/hero/immersive-a0b8bdad90cac70424e351816e53f420a74a369c7824ab4b512de6801146da98.jpg');\r\n    background-size: cover;\r\n    padding: 50px 20px;\r\n    border-radius: 5px;\r\n}\r\n.contest-information img[alt=\"LeetCoin\"] {\r\n    position: relative;\r\n    top: -2px;\r\n}\r\n\r\n/* AppAcademy Styles */\r\n.hero {\r\n    text-align: center;\r\n    color: white;\r\n}\r\n.hero h1 {\r\n    font-size: 44px;\r\n    text-shadow: 0 1px 2px rgba(0, 0, 0, 0.33);\r\n    font-weight: 600;\r\n    margin-bottom: 0;\r\n}\r\n.hero p {\r\n    font-weight: 300;\r\n    padding: 10px 0 40px 0;\r\n    font-size: 19px;\r\n    text-shadow: 0 1px 2px rgba(0, 0, 0, 0.33);\r\n}\r\n.hero .app-btn {\r\n    color: white;\r\n    text-decoration: none;\r\n    background: #4da6ff;\r\n    border: 2px solid #4da6ff;\r\n    width: 200px;\r\n    padding: 15px 25px;\r\n    margin-right: 5px;\r\n    border-radius: 3px;\r\n    font-weight: 700;\r\n    text-transform: uppercase;\r\n    text-align: center;\r\n    cursor: pointer;\r\n    margin: auto;\r\n    transition: all 0.2s ease;\r\n}\r\n.hero .app-btn:hover {\r\n    background: #4b93db;\r\n    border: 2px solid #4b93db;\r\n}\r\n</style>\r\n\r\n<div class=\"contest-information container\">\r\n    <div class=\"row\">\r\n        <div class=\"col-sm-8 col-md-9\">\r\n            \r\n            <h3 class=\"text-300\">\r\n                Welcome to the 70th LeetCode Weekly Contest\r\n            </h3>\r\n            <span style=\"color: grey\">hosted by\r\n                <a\r\n                    href=\"https://www.appacademy.io?utm_source=LeetCode&utm_medium=organic&utm_campaign=70thContest\"\r\n                    target=\"_blank\"\r\n                    style=\"text-decoration: none\"\r\n                    onclick=\"ga('send', 'event', 'app-academy-link', 'click');\"\r\n                >\r\n                    <span style=\"color: red\">App Academy</span>\r\n                </a>\r\n            </span>\r\n            <br><br>\r\n            <p>\r\n                App Academy is the top ranked 12 week, in-person coding bootcamp. If you're looking to become a software engineer, click below to get started! As a LeetCode user, you already have the edge on the competition. Best of luck in today's contest!\r\n            </p>\r\n            \r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-newspaper-o\" style=\"color: #1DA09C\" aria-hidden=\"true\"></i>\r\n                &nbsp;Important Note\r\n            </h4>\r\n            <ol>\r\n                <li>\r\n                    The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.\r\n                </li>\r\n                <li>\r\n                    All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b>immediate disqualification</b> + <b>3 weeks</b> account ban. Cheating will <b>NOT</b> be tolerated in any way, shape, or form. Please be sure to read our <a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\" target=\"_blank\">Important Announcement</a> about cheating and read the <a href=\"/faq/\" target=\"_blank\">FAQ</a>.\r\n                </li>\r\n            </ol>\r\n                \r\n\r\n            <br>\r\n            <h4 class=\"text-300\">\r\n                <i class=\"fa fa-bullhorn\" style=\"color: #FEA116\" aria-hidden=\"true\"></i>\r\n                &nbsp;Announcement\r\n            </h4>\r\n            <p>\r\n                Users <b class=\"text-orange\">must register</b> to participate. All registered users will have <b class=\"text-orange\">FREE</b> access to this contest's <b class=\"text-orange\">Premium</b> exclusive problems up to a week. We hope you enjoy this contest!\r\n            </p>\r\n            <br>\r\n        </div>\r\n        <div class=\"col-sm-4 col-md-3\">\r\n            <h3 class=\"text-300\">\r\n                <i class=\"fa fa-trophy text-orange\" aria-hidden=\"true\"></i>\r\n                &nbsp;Prize\r\n            </h3>\r\n            <ul class=\"list-group\" style=\"margin-top: 20px\">\r\n                <li class=\"list-group-item\">\r\n                    <b>1st</b>\r\n                    <span class=\"pull-right\">\r\n                        5,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>2nd</b>\r\n                    <span class=\"pull-right\">\r\n                        2,500 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>3rd</b>\r\n                    <span class=\"pull-right\">\r\n                        1,000 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>4</b> - <b>50th</b>\r\n                    <span class=\"pull-right\">\r\n                        300 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>51</b> - <b>100th</b>\r\n                    <span class=\"pull-right\">\r\n                        100 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>101</b> - <b>200th</b>\r\n                    <span class=\"pull-right\">\r\n                        50 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n                <li class=\"list-group-item\">\r\n                    <b>Participate</b>\r\n                    <span class=\"pull-right\">\r\n                        5 <a href=\"/library/scores/\" target=\"_blank\"><img src=\"/static/images/LeetCoin.png\" height=\"15px\" alt=\"LeetCoin\"></a>\r\n                    </span>\r\n                </li>\r\n            </ul>\r\n        </div>\r\n        <div class=\"col-xs-12 contest-ad-area\">\r\n            <br>\r\n            <div class=\"bg hero\">\r\n                <h1>\r\n                    Change your career. Change your life.\r\n                </h1>\r\n                <p>Only pay tuition once you're hired as a developer.</p>\r\n                <a\r\n                    class=\"app-btn\"\r\n                    href=\"https://www.appacademy.io/immersive/application/full-time?utm_source=LeetCode&utm_medium=organic&utm_campaign=70thContest\"\r\n                    onclick=\"ga('send', 'event', 'app-academy-apply', 'click');\"\r\n                >\r\n                    APPLY TODAY\r\n                </a>\r\n            </div>\r\n            <br><br>\r\n            <p>\r\n                Want millions of LeetCode users to <i>recognize your company</i>? <a href=\"mailto:contest@leetcode.com\" target=\"_href\">Contact us</a> to sponsor a contest.\r\n            </p>\r\n        </div>\r\n        \r\n    </div>\r\n</div>",
                "startTime": 1517711400,
                "duration": 5400,
                "originStartTime": 1517711400,
                "isVirtual": false,
                "company": {
                    "watermark": "https://s3-lc-upload.s3.amazonaws.com/contest/App%20Academy/company_watermark",
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 69",
                "cardImg": null,
                "titleSlug": "weekly-contest-69",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1517106600,
                "duration": 5400,
                "originStartTime": 1517106600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 68",
                "cardImg": null,
                "titleSlug": "weekly-contest-68",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1516501800,
                "duration": 5400,
                "originStartTime": 1516501800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 67",
                "cardImg": null,
                "titleSlug": "weekly-contest-67",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1515897000,
                "duration": 5400,
                "originStartTime": 1515897000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 66",
                "cardImg": null,
                "titleSlug": "weekly-contest-66",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1515292200,
                "duration": 5400,
                "originStartTime": 1515292200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 65",
                "cardImg": null,
                "titleSlug": "weekly-contest-65",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1514687400,
                "duration": 5400,
                "originStartTime": 1514687400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 64",
                "cardImg": null,
                "titleSlug": "weekly-contest-64",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1514082600,
                "duration": 5400,
                "originStartTime": 1514082600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 63",
                "cardImg": null,
                "titleSlug": "weekly-contest-63",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1513477800,
                "duration": 5400,
                "originStartTime": 1513477800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 62",
                "cardImg": "https://s3-lc-upload.s3.amazonaws.com/contest/68/card_img",
                "titleSlug": "weekly-contest-by-app-academy",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1512873000,
                "duration": 5400,
                "originStartTime": 1512873000,
                "isVirtual": false,
                "company": {
                    "watermark": "https://s3-lc-upload.s3.amazonaws.com/contest/App%20Academy/company_watermark",
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 61",
                "cardImg": null,
                "titleSlug": "weekly-contest-61",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1512268200,
                "duration": 5400,
                "originStartTime": 1512268200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 60",
                "cardImg": null,
                "titleSlug": "weekly-contest-60",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1511663400,
                "duration": 5400,
                "originStartTime": 1511663400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 59",
                "cardImg": null,
                "titleSlug": "weekly-contest-59",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1511058600,
                "duration": 5400,
                "originStartTime": 1511058600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 58",
                "cardImg": null,
                "titleSlug": "weekly-contest-58",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1510453800,
                "duration": 6600,
                "originStartTime": 1510453800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 57",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-57",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1509845400,
                "duration": 5400,
                "originStartTime": 1509845400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 56",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-56",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1509240600,
                "duration": 5400,
                "originStartTime": 1509240600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 55",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-55",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1508635800,
                "duration": 5400,
                "originStartTime": 1508635800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 54",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-54",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1508031000,
                "duration": 5400,
                "originStartTime": 1508031000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 53",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-53",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1507426200,
                "duration": 5400,
                "originStartTime": 1507426200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 52",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-52",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1506821400,
                "duration": 5400,
                "originStartTime": 1506821400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 51",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-51",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1506216600,
                "duration": 5400,
                "originStartTime": 1506216600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 50",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-50",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1505611800,
                "duration": 5400,
                "originStartTime": 1505611800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 49",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-49",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1505007000,
                "duration": 5400,
                "originStartTime": 1505007000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 48",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-48",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1504402200,
                "duration": 5400,
                "originStartTime": 1504402200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 47",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-47",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1503797400,
                "duration": 5400,
                "originStartTime": 1503797400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 46",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-46",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1503192600,
                "duration": 5400,
                "originStartTime": 1503192600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 45",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-45",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1502587800,
                "duration": 5400,
                "originStartTime": 1502587800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 44",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-44",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1501983000,
                "duration": 5400,
                "originStartTime": 1501983000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 43",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-43",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1501378200,
                "duration": 5400,
                "originStartTime": 1501378200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 42",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-42",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1500773400,
                "duration": 5400,
                "originStartTime": 1500773400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 41",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-41",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1500168600,
                "duration": 5400,
                "originStartTime": 1500168600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 40",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-40",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1499563800,
                "duration": 5400,
                "originStartTime": 1499563800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 39",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-39",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1498959000,
                "duration": 5400,
                "originStartTime": 1498959000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 38",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-38",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1498354200,
                "duration": 5400,
                "originStartTime": 1498354200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 37",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-37",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1497749400,
                "duration": 5400,
                "originStartTime": 1497749400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 36",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-36",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE (8:11pm PST):</font></u></b><br />\r\nDuring the contest we discovered some issues in Question 1 and 2, and although we've fixed it, <b><u>some submissions were affected</u></b>. We sincerely apologize for any inconvenience caused. We will <b><u>rejudge</u></b> all affected submissions of problem 1 and 2 later and update the scoreboard. Once we finalized the scoreboard, we will post another update here. Thanks.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE (1:00am PST):</font></u></b><br />\r\nAll affected solutions were rejudged and the scoreboard is finalized. We will adjust your global ranking and award points hopefully by tomorrow.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1497144600,
                "duration": 5400,
                "originStartTime": 1497144600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 35",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-35",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1496539800,
                "duration": 5400,
                "originStartTime": 1496539800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 34",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-34",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1495935000,
                "duration": 5400,
                "originStartTime": 1495935000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 33",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-33",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - <b><u>5000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>2nd</b> - <b><u>2500</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>3rd</b> - <b><u>1000</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>4th</b> to <b>50th</b> - <b><u>300</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>51th</b> to <b>100th</b> - <b><u>100</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>101th</b> to <b>200th</b> - <b><u>50</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n<b>Solve at least one problem</b> - <b><u>5</u></b> <a href=\"/library/scores/\">LeetCode Coins</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1495330200,
                "duration": 5400,
                "originStartTime": 1495330200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 32",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-32",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $50 gift card + <b><u>Exclusive</u></b> LeetCode T-Shirt!<br />\r\n<b>2nd</b> - Amazon $25 gift card + <b><u>Exclusive</u></b> LeetCode T-Shirt!<br />\r\n<b>3rd</b> - <b><u>Exclusive</u></b> LeetCode T-Shirt!<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b> + <b><i>3 weeks</i></b> account ban. Cheating will <b><u>NOT</u></b> be tolerated in any way, shape, or form. Please be sure to <b><a href=\"https://discuss.leetcode.com/topic/87974/important-notice-cheating-announcement\">read our important announcement</a></b> about cheating and <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1494725400,
                "duration": 5400,
                "originStartTime": 1494725400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 31",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-31",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1494120600,
                "duration": 5400,
                "originStartTime": 1494120600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 30",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-30",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1493515800,
                "duration": 5400,
                "originStartTime": 1493515800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 29",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-29",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1492911000,
                "duration": 5400,
                "originStartTime": 1492911000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 28",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-28",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1492306200,
                "duration": 5400,
                "originStartTime": 1492306200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 27",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-27",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT NOTE:</u></b><br />\r\n<ol>\r\n<li>The penalty time has been changed from <b>10</b> minutes to <b>5</b> minutes for each wrong submission.</li>\r\n<li>All submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</li>\r\n</ol>\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1491701400,
                "duration": 5400,
                "originStartTime": 1491701400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 26",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-26",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1491096600,
                "duration": 5400,
                "originStartTime": 1491096600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 25",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-25",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1490491800,
                "duration": 5400,
                "originStartTime": 1490491800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 24",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-24",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1489887000,
                "duration": 5400,
                "originStartTime": 1489887000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 23",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-23",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (7:21pm PST)</font></u></b><br />\r\nTruly sorry for the delay of the contest beginning. We have extended 15 more minutes for the compensation.\r\n</p>\r\n\r\n\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1489285800,
                "duration": 6300,
                "originStartTime": 1489285800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 22",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-22",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1488681000,
                "duration": 5400,
                "originStartTime": 1488681000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 21",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-21",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1488076200,
                "duration": 5400,
                "originStartTime": 1488076200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 20",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-20",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1487471400,
                "duration": 5400,
                "originStartTime": 1487471400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 19",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-19",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr />\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (7:36pm PST)</font></u></b><br />\r\nWe are terribly sorry for the Compile Error issue affecting three of the problems. Some people will get Compile Error due to out of sync problems. We will <b><u>rejudge all the submissions</u></b> after the contest, so be assure that your scoreboard will be adjusted accordingly. As for the compensation, you have <b><u>10 more minutes</u></b> until this contest ends.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (Sunday 10:44pm PST)</font></u></b><br />\r\nWe have finished rejudge all affected submissions and the scoreboard had been updated accordingly. Your <a href=\"/contest/globalranking/\">Global Ranking</a> had also been updated.\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1486866600,
                "duration": 6000,
                "originStartTime": 1486866600,
                "isVirtual": false,
                "company": null,
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 18B",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-18b",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1486261800,
                "duration": 5400,
                "originStartTime": 1486261800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 18A",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-18a",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1486222200,
                "duration": 5400,
                "originStartTime": 1486222200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 17",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-17",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\nWe hope you enjoy this contest! :)\r\n</p>\r\n\r\n<hr/>\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1485657000,
                "duration": 5400,
                "originStartTime": 1485657000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 16B",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-16b",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<hr />\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (9:35pm PST)</font></u></b><br />\r\nWe've found some Python solutions which was judged incorrectly as TLE in the problem Construct the rectangle. We will rejudge the affected solutions shortly.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (10:58pm PST)</font></u></b><br />\r\nAll affected solutions were rejudged. Your global ranking were updated. All points were awarded to the Top 4-200 contestants. Congrats <b>saffah</b>, <b>tckwok0</b>, and <b>wcwswswws</b> for being the Top 3 winner!\r\n</p>\r\n\r\n<hr />\r\n\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1485052200,
                "duration": 5400,
                "originStartTime": 1485052200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 16A",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-16a",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\n<b>1st</b> - Amazon $100 gift card<br />\r\n<b>2nd</b> - Amazon $50 gift card<br />\r\n<b>3rd</b> - Amazon $25 gift card<br />\r\n<b>4th</b> to <b>50th</b> - 100 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>51th</b> to <b>100th</b> - 50 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n<b>101th</b> to <b>200th</b> - 25 <a href=\"/library/scores/\">LeetCode points</a><br />\r\n</p>\r\n\r\n<hr />\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (11:26am PST)</font></u></b><br />\r\nWe've found some JS solutions which was judged incorrectly as MLE in the problem Increasing Subsequences. We will rejudge the affected solutions shortly.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (12:14pm PST)</font></u></b><br />\r\nAll affected solutions were rejudged. Your global ranking were updated. We will award points to the Top 200 contestants soon.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (12:46pm PST)</font></u></b><br />\r\nDone. All points were awarded to the Top 4-200 contestants. Congrats <b>rrrl8523690</b>, <b>Bruno1</b>, and <b>i-wen</b> for being the Top 3 winner!\r\n</p>\r\n<hr />\r\n\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1485012600,
                "duration": 5400,
                "originStartTime": 1485012600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 15",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-15",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><font color=\"red\">Special note</font></b> about the <b>first problem</b> of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You may submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">IMPORTANT:</font></u></b><br />\r\n<ol>\r\n<li><b><font color=\"red\">Unlike</font></b> previous contests, the score for the first problem's submissions will only be <b>revealed after the contest ended</b>.</li>\r\n<li>From this contest onwards, submissions <b><u>won't be rejudged due to missing test cases</b></u> provided by other users. We still reserve the right to rejudge due to other unforeseen special circumstances.</li>\r\n</ol>\r\n</p>\r\n\r\n<hr />\r\n\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1484447400,
                "duration": 5400,
                "originStartTime": 1484447400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 14",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-14",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><font color=\"red\">Special note</font></b> about the <b>first problem</b> of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You may submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">IMPORTANT:</font></u></b><br />\r\n<ol>\r\n<li><b><font color=\"red\">Unlike</font></b> previous contests, the score for the first problem's submissions will only be <b>revealed after the contest ended</b>.</li>\r\n<li>From this contest onwards, submissions <b><u>won't be rejudged due to missing test cases</b></u> provided by other users. We still reserve the right to rejudge due to other unforeseen special circumstances.</li>\r\n</ol>\r\n</p>\r\n\r\n<hr />\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (11:22pm)</font></u></b><br />\r\nDue to a system error, most of problem 1's submissions were judged incorrectly. We've fixed this and rejudged all problem 1 submissions and recalculate the scoreboard.<br /><br />\r\nCongrats to the winners <b>tinylic</b>, <b>y119777</b>, and <b>nevergiveup</b>! Your <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1483842600,
                "duration": 7200,
                "originStartTime": 1483842600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 13",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-13",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><font color=\"red\">Special note</font></b> about the <b>first problem</b> of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You may submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">IMPORTANT:</font></u></b><br />\r\n<ol>\r\n<li><b><font color=\"red\">Unlike</font></b> previous contests, the score for the first problem's submissions will only be <b>revealed after the contest ended</b>.</li>\r\n<li>From this contest onwards, submissions <b><u>won't be rejudged due to missing test cases</b></u> provided by other users. We still reserve the right to rejudge due to other unforeseen special circumstances.</li>\r\n</ol>\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1482028200,
                "duration": 7200,
                "originStartTime": 1482028200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 12",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-12",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (3:27am)</u></b><br />\r\nWe have received many successful challenges for this week's contest, thank you! We have added the challenges' test cases and rejudged both Q2 and Q3's submissions. The scoreboard is now finalized. Your <a href=\"https://leetcode.com/contest/globalranking/\">global ranking</a> had also been updated. Congrats to <b>mgch</b>, <b>MaskRay</b>, <b>lixx2100</b> for winning the contest!</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1481423400,
                "duration": 7200,
                "originStartTime": 1481423400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 11",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-11",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><font color=\"red\">Special note</font></b> about the <b>first problem</b> of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You can submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE:</font></u></b><br />\r\nAfter the contest finishes, you may view other's accepted solution in the scoreboard. You may also <b><u>challenge</u></b> a solution with a test case. You will be awarded <b>1000 LeetCode points</b> (worth over <b>$8</b>) for each successful challenge before <s>9:00</s><b>9:30pm</b> today.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE: (8:38pm)</font></u></b><br />\r\nWe have extended the challenge phase by half hour. Please <a href=\"https://leetcode.com/contest/leetcode-weekly-contest-11/ranking\">enter the scoreboard</a> and view other's accepted solution. Feel free to <b><u>challenge</u></b> a solution with a test case. You will be awarded <b>1000 LeetCode points</b> (worth over <b>$8</b>) for each successful challenge before <b>9:30pm PDT</b> today.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1480818600,
                "duration": 7200,
                "originStartTime": 1480818600,
                "isVirtual": false,
                "company": null,
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 10",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-10",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b>: Users <b>must register</b> to participate. All registered users will have <b><font color=\"red\">FREE</font></b> access to this contest's <b><font color=\"red\">premium exclusive problems</font></b> up to a week.\r\n</p>\r\n\r\n<p>\r\n<b><font color=\"red\">Special note</font></b> about the <b>first problem</b> of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You can submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (9:29pm)</u></b><br />\r\nWe have received several questions about Q4, which may be judged incorrectly. We are investigating the issue now and will provide an update later. Thanks.</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (1:13am)</u></b><br />\r\nWe have fixed our solution and test cases, and rejudged all Q4's submissions. The ranking had also been recalculated. Please <b><u>report</u></b> any solutions if you believe it should not get Accepted. Thanks.</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (11:05am)</u></b><br />\r\nWe have added more test cases and rejudged all Q4's submissions. We have reduced the number of points for Q4 to 3 points, please <a href=\"https://discuss.leetcode.com/topic/68791/regarding-weekly-contest-10\" target=\"_blank\">see here</a>. The scoreboard had also been recalculated. Please <b><u>report</u></b> any solutions if you believe it should not get Accepted. Thanks.</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1479609000,
                "duration": 9000,
                "originStartTime": 1479609000,
                "isVirtual": false,
                "company": null,
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Smarking Algorithm Contest 4",
                "cardImg": null,
                "titleSlug": "smarking-algorithm-contest-4",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b> about the <b>first problem</b> of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You can submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE:</u></b><br />\r\nCongrats to the winners <b>nevergiveup</b>, <b>Jolvmte</b>, and <b>jzjsuper</b>! Your <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1479004200,
                "duration": 9000,
                "originStartTime": 1479004200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Smarking Algorithm Contest 3",
                "cardImg": null,
                "titleSlug": "smarking-algorithm-contest-3",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b> about the first problem of this contest: All submission results for the first problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the first problem</b>. You can submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE:</u></b><br />\r\nCongrats to the winners <b>nehcdnr</b>, <b>mgch</b>, and <b>coconut_zzzz</b>! Your <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1478395800,
                "duration": 9000,
                "originStartTime": 1478395800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Smarking Algorithm Contest 2",
                "cardImg": null,
                "titleSlug": "smarking-algorithm-contest-2",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b> about the third problem of this contest: All submission results for the third problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the third problem</b>. You can submit as many times as you want and the last submission you made will still be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (Sunday 6:54pm PST)</u></b><br />\r\n<p>There was a Java issue and we have rejudged all Java submissions to the last problem. The scoreboard had been re-adjusted to reflect this rejudge. Congrats to the winners <b>lixx2100</b>, <b>rrrl8523690</b>, and <b>pkqs90</b>! We will be updating your global ranking soon.</p>\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (Sunday 11:35pm PST)</u></b><br />\r\nYour <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated.</p>\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1477791000,
                "duration": 9000,
                "originStartTime": 1477791000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Smarking Algorithm Contest",
                "cardImg": null,
                "titleSlug": "smarking-algorithm-contest",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">ANNOUNCEMENT:</font></u></b><br />\r\n<b><font color=\"red\">Special note</font></b> about the second problem of this contest: All submission results for the second problem will be revealed only after the contest ends. Please <b>make sure your submission is correct before submitting to the second problem</b>. You can submit as many times as you want and the last submission you made will be counted.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (9:33pm PST)</u></b><br />\r\nThanks to reports from our users, we've disqualified some cheating submissions. Please take note that we treat plagiarism cases <b><u>very seriously</u></b>. If we see you attempt to cheat again, you will be banned from participating in future contests.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (11:22pm PST)</u></b><br />\r\nYour <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated. Congrats to the winners <b>mgch</b>, <b>wcwswswws</b>, and <b>spnautilus</b>!</p>\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1477186200,
                "duration": 9000,
                "originStartTime": 1477186200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 9",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-9",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE:</u></b><br />\r\nYour <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated. Congrats to the winners <b>zhichenggu</b>, <b>huchun87</b>, and <b>mgch</b>!</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1476581400,
                "duration": 9000,
                "originStartTime": 1476581400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 8",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-8",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u><font color=\"red\">UPDATE:</font></u></b><br />\r\nYou may view other's accepted solution in the scoreboard. If you notice cheating solutions, please <b><u>report it</b></u> and we will take immediate action.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1475976600,
                "duration": 9000,
                "originStartTime": 1475976600,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": true,
                "title": "Weekly Contest 7",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-7",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (10:24pm)</u></b><br />\r\nYour <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had just been updated. Congrats to the winners <b>DancingSoul</b>, <b>spnautilus</b>, and <b>jzjsuper</b>!</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1475371800,
                "duration": 9000,
                "originStartTime": 1475371800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 6",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-6",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE:</u></b><br />\r\nThanks to users who report cheating solutions and those solutions were disqualified. If you still notice suspicious solutions, please report it and we will take immediate action. Global ranking had also been updated. Congrats to the winners <b>ts</b>, <b>zhiqing_xiao</b>, and <b>rrrl8523690</b>!</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1474767000,
                "duration": 9000,
                "originStartTime": 1474767000,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 5",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-5",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: <font color=\"red\">(7:23pm)</font></u></b><br />\r\nFor problem \"Binary Watch\", the description mentioned \"<b>The order of output does not matter</b>\u201d. However, the judge earlier had incorrectly assumed some order of the return elements. This had since been corrected, so feel free to resubmit your solution again. We will rejudge all submissions for this problem after the contest and your rank will be readjusted accordingly.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (9:24pm)</u></b><br />\r\nWe are rejudging all submissions for \"Binary Watch\" question. After which we will finalize the scoreboard.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE: (10:19pm)</u></b><br />\r\nAll submissions were rejudged and the scoreboard had been finalized. Your <a href=\"https://leetcode.com/contest/globalranking\">global ranking</a> had also been updated. Congrats to the winners <b>jzjsuper</b>, <b>spnautilus</b>, and <b>lixx2100</b>!</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1474162200,
                "duration": 9000,
                "originStartTime": 1474162200,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 4",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-4",
                "description": "<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (6:55pm):</u></b><br />\r\nWe have identify a test case error in Integer Replacement. For the input 3 it should return 2, not 3. Please submit what you think is the correct solution, we will rejudge all submissions after the contest and adjust the rankings accordingly. Thanks.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (7:06pm):</u></b><br />\r\nWe have fixed the error in Integer Replacement. Please try submitting again, thanks. We will rejudge your submissions after the contest finished and adjust your ranking accordingly.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (9:03pm):</u></b><br />\r\nWe are rejudging all submissions now which will take awhile. We will announce here when all submissions are rejudged and rankings are finalized. Thanks.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (2:20am):</u></b><br />\r\nAll submissions were rejudged and the scoreboard is now finalized. Congrats to the winners <b>jzjsuper</b>, <b>lixx2100</b>, and <b>ts</b>!\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1473557400,
                "duration": 9000,
                "originStartTime": 1473557400,
                "isVirtual": false,
                "company": null,
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 3",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-3",
                "description": "<p>This contest is sponsored by LeetCode. Top ranked participants will have a chance to land on a full time software engineer position at LeetCode.</p>\r\n\r\n<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE:</u></b><br />\r\nCongrats to ts, anorange0409, and DancingSoul for being the top 3 winners of this week's contest. We will reach out to you soon, so please be sure to check your email.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1472990400,
                "duration": 9000,
                "originStartTime": 1472990400,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Weekly Contest 2",
                "cardImg": null,
                "titleSlug": "leetcode-weekly-contest-2",
                "description": "<p>This contest is sponsored by LeetCode. Top ranked participants will have a chance to land on a full time software engineer position at LeetCode.</p>\r\n\r\n<p>\r\n<b><u>Prize:</u></b><br />\r\nFirst - Amazon $100 gift card<br />\r\nSecond - Amazon $50 gift card<br />\r\nThird - Amazon $25 gift card\r\n</p>\r\n\r\n<p>\r\n<b><u>IMPORTANT:</u></b><br />\r\nAll submissions will be run through a plagiarism checker. Any detected plagiarism will result in <b><i>immediate disqualification</i></b>. Please be sure to <b><a href=\"https://leetcode.com/contest/faq/\">read the FAQ</a></b>.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (6:49pm PDT):</u></b><br />\r\nWe are aware of the bug affecting the current scoreboard. We will recalculate the scoreboard after the contest ends, please proceed as usual and do not rely on the current scoreboard.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (9:00pm PDT):</u></b><br />\r\nPlease be patient while we finalize the scoreboard ranking. It would take awhile, we will update here when it's done. Thanks for your patience.\r\n</p>\r\n\r\n<p>\r\n<b><u>UPDATE (2:30am PDT):</u></b><br />\r\nThe scoreboard had been finalized. Congrats to sensir, yaoshun, and dbdbdb for being the top 3 winners of this week's contest. We will reach out to you soon, so please be sure to check your email.\r\n</p>\r\n\r\n<hr />\r\n\r\n<p><b>Want to be a sponsor for our next contest? <a href=\"mailto:support@leetcode.com\" target=\"_href\">Contact us</a></b>.\r\n</p>",
                "startTime": 1472347800,
                "duration": 9000,
                "originStartTime": 1472347800,
                "isVirtual": false,
                "company": {
                    "watermark": null,
                    "__typename": "SponsorNode"
                },
                "__typename": "ContestNode"
            },
            {
                "containsPremium": false,
                "title": "Warm Up Contest",
                "cardImg": null,
                "titleSlug": "warm-up-contest",
                "description": "Discuss link: https://discuss.leetcode.com/category/507/warm-up-contest   You are welcome to discuss about the contest and solutions. Don't worry, you are allowed to discuss solutions while the contest is in progress for warm up contests.",
                "startTime": 1471737600,
                "duration": 86400,
                "originStartTime": 1471737600,
                "isVirtual": false,
                "company": null,
                "__typename": "ContestNode"
            }
        ]
    }
};